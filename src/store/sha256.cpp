#include "store/sha256.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <cstdint>
#include <fstream>
#include <vector>

#include "store/store.h"

namespace toteuma {

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
  if (!ctx_ || EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr) != 1) {
    EVP_MD_CTX_free(ctx_);
    throw StoreError("SHA-256 unavailable");
  }
}

Sha256::~Sha256() { EVP_MD_CTX_free(ctx_); }

void Sha256::add(std::string_view bytes) { EVP_DigestUpdate(ctx_, bytes.data(), bytes.size()); }

std::string Sha256::hex() {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(ctx_, md, &n);
  std::string out;
  for (unsigned int i = 0; i < n; ++i) out += fmt::format("{:02x}", md[i]);
  return out;
}

std::string sha256_of_file(const std::string& path, std::int64_t* size) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw StoreError("cannot read " + path);
  Sha256 h;
  std::vector<char> buf(1 << 20);
  std::int64_t total = 0;
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    auto got = in.gcount();
    h.add({buf.data(), static_cast<std::size_t>(got)});
    total += got;
  }
  if (in.bad()) throw StoreError("cannot read " + path);
  if (size) *size = total;
  return h.hex();
}

}  // namespace toteuma
