#include "auth/password.h"

#include <sodium.h>

#include <mutex>
#include <stdexcept>
#include <string>

namespace toteuma::auth {

void init() {
  static std::once_flag once;
  static bool ok = false;
  std::call_once(once, [] { ok = sodium_init() >= 0; });  // 1 = already initialised elsewhere
  if (!ok) throw std::runtime_error("libsodium cannot start (sodium_init failed)");
}

std::string hash_password(std::string_view password) {
  init();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("password hashing failed (out of memory)");
  return out;
}

bool verify_password(const std::string& hash, std::string_view password) {
  init();
  // libsodium reads a NUL-terminated string of at most STRBYTES: anything longer is not ours.
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES || hash.find('\0') != std::string::npos) return false;
  char str[crypto_pwhash_STRBYTES] = {};
  hash.copy(str, hash.size());
  return crypto_pwhash_str_verify(str, password.data(), password.size()) == 0;
}

std::string random_token() {
  init();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  constexpr int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  char out[sodium_base64_ENCODED_LEN(sizeof bytes, variant)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, variant);
  sodium_memzero(bytes, sizeof bytes);
  return out;
}

std::string token_digest(std::string_view token) {
  init();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string pkce_challenge(std::string_view verifier) {
  init();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size());
  constexpr int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  char out[sodium_base64_ENCODED_LEN(sizeof digest, variant)];
  sodium_bin2base64(out, sizeof out, digest, sizeof digest, variant);
  return out;
}

// An empty secret never matches: a missing CSRF field must not equal a missing session token.
bool equal_secret(std::string_view a, std::string_view b) {
  init();
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// Characters, not bytes: "ääkkösiä" counts as a person sees it (UTF-8 continuation bytes skipped).
std::string random_password() { return random_token().substr(0, 16); }

bool acceptable_password(std::string_view password) {
  std::size_t chars = 0;
  for (char c : password)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;
  return chars >= 10;
}

}  // namespace toteuma::auth
