// Passwords and secret tokens with libsodium (DESIGN §10): Argon2id hashes, random tokens.
#pragma once
#include <string>
#include <string_view>

namespace toteuma::auth {

// Calls sodium_init once; throws std::runtime_error when libsodium cannot start.
void init();
// libsodium's Argon2id string ($argon2id$v=19$m=...): salt and parameters inside. Interactive
// limits (about 64 MiB, ~0,1 s) — a login is rare, guessing must be expensive.
std::string hash_password(std::string_view password);
// Constant-time verification; false for a malformed hash.
bool verify_password(const std::string& hash, std::string_view password);
// 32 random bytes as 43 base64url characters (no padding): session ids, CSRF tokens.
std::string random_token();
// SHA-256 of a token as lowercase hex: the database keeps only digests of session ids, so a
// leaked database file does not log anyone in.
std::string token_digest(std::string_view token);
// PKCE's S256 code challenge of a verifier (RFC 7636 §4.2): base64url(SHA-256(verifier)), no padding.
std::string pkce_challenge(std::string_view verifier);
// Constant-time comparison of two strings (CSRF tokens).
bool equal_secret(std::string_view a, std::string_view b);
// A password given to a person once (`toteuma user add` without --password-stdin, the admin
// page's one-time password): 16 characters of base64url, 96 random bits.
std::string random_password();
// A password a person may set: at least 10 characters.
bool acceptable_password(std::string_view password);

}  // namespace toteuma::auth
