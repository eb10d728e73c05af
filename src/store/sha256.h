// Streaming SHA-256 (OpenSSL's EVP, which uses the CPU's SHA instructions) as lowercase hex.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace toteuma {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void add(std::string_view bytes);
  // The digest as 64 hex digits; the hasher is finished.
  std::string hex();

 private:
  evp_md_ctx_st* ctx_;
};

// The SHA-256 of a file's bytes; throws StoreError when it cannot be read.
std::string sha256_of_file(const std::string& path, std::int64_t* size = nullptr);

}  // namespace toteuma
