#pragma once
// Password hashing (argon2id via libsodium) and session tokens (random, stored only as a hash).
#include <string>
#include <string_view>

namespace waihu::org {

/// argon2id string in libsodium's format. Slow on purpose (interactive limits, ~50 ms).
std::string hash_password(std::string_view password);
/// Constant-time verification against a hash from hash_password.
bool verify_password(std::string_view hash, std::string_view password);
/// 256 random bits, hex.
std::string new_session_token();
/// SHA-256 of any bytes, hex.
std::string sha256_hex(std::string_view bytes);
/// SHA-256 of the token, hex: what the store keeps.
std::string token_digest(std::string_view token);
/// A readable random password for `init` and resets: 16 characters.
std::string generate_password();

}  // namespace waihu::org
