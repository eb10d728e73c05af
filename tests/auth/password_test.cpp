// Password hashes, tokens and digests against libsodium's documented formats and known vectors.
#include <gtest/gtest.h>

#include <cctype>

#include "auth/password.h"

namespace toteuma::auth {
namespace {

TEST(Password, HashVerifiesTheRightPasswordOnly) {
  std::string h = hash_password("oikea hevonen patteri");
  EXPECT_EQ(h.rfind("$argon2id$v=19$", 0), 0u) << h;
  EXPECT_TRUE(verify_password(h, "oikea hevonen patteri"));
  EXPECT_FALSE(verify_password(h, "oikea hevonen patterI"));
  EXPECT_FALSE(verify_password(h, ""));
}

TEST(Password, MalformedHashesAreRefused) {
  EXPECT_FALSE(verify_password("", "x"));
  EXPECT_FALSE(verify_password("plain text", "plain text"));
  EXPECT_FALSE(verify_password("$argon2id$v=19$m=65536,t=2,p=1$broken", "x"));
  EXPECT_FALSE(verify_password(std::string(200, 'a'), "x"));
  std::string h = hash_password("salasana123");
  EXPECT_FALSE(verify_password(h.substr(0, h.size() - 5), "salasana123"));
}

TEST(Password, SamePasswordHashesDifferently) {
  std::string a = hash_password("salasana123"), b = hash_password("salasana123");
  EXPECT_NE(a, b);  // each hash has its own salt
  EXPECT_TRUE(verify_password(a, "salasana123"));
  EXPECT_TRUE(verify_password(b, "salasana123"));
}

TEST(Password, TokensAre43Base64UrlCharsAndDistinct) {
  std::string a = random_token(), b = random_token();
  EXPECT_EQ(a.size(), 43u);  // ceil(32 * 8 / 6), no padding
  EXPECT_EQ(b.size(), 43u);
  EXPECT_NE(a, b);
  for (char c : a) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') << a;
}

TEST(Password, DigestIsSha256Hex) {
  // FIPS 180-2's example vectors.
  EXPECT_EQ(token_digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(token_digest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Password, EqualSecret) {
  EXPECT_TRUE(equal_secret("abc123", "abc123"));
  EXPECT_FALSE(equal_secret("abc123", "abc124"));
  EXPECT_FALSE(equal_secret("abc123", "abc1234"));
  EXPECT_FALSE(equal_secret("", ""));  // a missing token never matches
}

TEST(Password, AcceptableLengthInCharacters) {
  EXPECT_TRUE(acceptable_password("0123456789"));
  EXPECT_FALSE(acceptable_password("012345678"));
  EXPECT_FALSE(acceptable_password(""));
  // 9 characters but 14 bytes: "ääkkösiää" is too short, with one more character it is enough.
  EXPECT_FALSE(acceptable_password("ääkkösiää"));
  EXPECT_TRUE(acceptable_password("ääkkösiääö"));
}

}  // namespace
}  // namespace toteuma::auth
