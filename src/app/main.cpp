// waihu: one binary for the server and every command. The composition happens in app/app.cpp.
#include "cli/cli.hpp"

int main(int argc, char** argv) { return waihu::cli::run(argc, argv); }
