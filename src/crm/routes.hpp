#pragma once
// HTTP routes of customers: /api/v1/customers (list, get, create, update, import, export), /api/v1/duplicate-claims.
#include <string>

#include "crm/exporter.hpp"
#include "crm/importer.hpp"
#include "crm/service.hpp"
#include "http/router.hpp"

namespace waihu::crm {

struct RouteDeps {
  CustomerService& customers;
  CustomerImporter& importer;
  CustomerExporter& exporter;
  std::string data_dir;  ///< uploads and temporary exports live below it
};

void register_routes(http::Router& router, RouteDeps deps);

/// A CustomerFilter from query parameters (shared by list and export); 400 naming a bad parameter.
CustomerFilter filter_from_query(const http::Context& c);

}  // namespace waihu::crm
