#include "accounts/token.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace knooppunt::accounts {
namespace {

TEST(Token, NewTokensAre43UrlSafeCharactersAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string token = NewToken();
    EXPECT_EQ(token.size(), 43u);
    EXPECT_EQ(
        token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos)
        << token;
    EXPECT_TRUE(LooksLikeToken(token)) << token;
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(Token, HashIsLowerCaseHexSha256) {
  EXPECT_EQ(HashToken("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(HashToken(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Token, HashDiffersFromTheToken) {
  const std::string token = NewToken();
  EXPECT_NE(HashToken(token), token);
  EXPECT_EQ(HashToken(token), HashToken(token));
  EXPECT_NE(HashToken(token), HashToken(NewToken()));
}

TEST(Token, LooksLikeTokenRefusesWrongLengthAndAlphabet) {
  const std::string good(43, 'a');
  EXPECT_TRUE(LooksLikeToken(good));
  EXPECT_TRUE(LooksLikeToken("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_9"));
  EXPECT_FALSE(LooksLikeToken(std::string(42, 'a')));
  EXPECT_FALSE(LooksLikeToken(std::string(44, 'a')));
  EXPECT_FALSE(LooksLikeToken(""));
  EXPECT_FALSE(LooksLikeToken(std::string(42, 'a') + "+"));
  EXPECT_FALSE(LooksLikeToken(std::string(42, 'a') + "/"));
  EXPECT_FALSE(LooksLikeToken(std::string(42, 'a') + "="));
  EXPECT_FALSE(LooksLikeToken(std::string(42, 'a') + " "));
  EXPECT_FALSE(LooksLikeToken(std::string(42, 'a') + std::string(1, '\0')));
}

TEST(Token, ConstantTimeEqualsComparesContentAndLength) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("secret", "secret"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secreT"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secret!"));
  EXPECT_FALSE(ConstantTimeEquals("", "x"));
}

TEST(Token, KeyedHashDependsOnKeyAndText) {
  const std::string key(32, 'k');
  const std::string hash = KeyedHash(key, "192.0.2.1");
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(KeyedHash(key, "192.0.2.1"), hash);
  EXPECT_NE(KeyedHash(key, "192.0.2.2"), hash);
  EXPECT_NE(KeyedHash(std::string(32, 'j'), "192.0.2.1"), hash);
  EXPECT_NE(KeyedHash("", "192.0.2.1"), hash);
}

TEST(Token, KeyedHashIsKeyedBlake2b256) {
  // hashlib.blake2b(b"192.0.2.1", key=b"k" * 32, digest_size=32).hexdigest()
  EXPECT_EQ(KeyedHash(std::string(32, 'k'), "192.0.2.1"),
            "e4b06da1e81a46da2c3d15d5e1238d99a6ad0420a6e6e8f08661315eabe13052");
}

TEST(Token, KeyedHashUsesAllOfALongKey) {
  const std::string base(64, 'k');
  EXPECT_NE(KeyedHash(base + "a", "192.0.2.1"), KeyedHash(base + "b", "192.0.2.1"));
  EXPECT_NE(KeyedHash(base + "a", "192.0.2.1"), KeyedHash(base, "192.0.2.1"));
}

}  // namespace
}  // namespace knooppunt::accounts
