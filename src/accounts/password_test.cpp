#include "accounts/password.h"

#include <gtest/gtest.h>

#include <string>

namespace knooppunt::accounts {
namespace {

std::string Hash(std::string_view password) {
  Result<std::string> hash = HashPassword(password, FastPasswordOptionsForTests());
  EXPECT_TRUE(hash.ok());
  return hash.ok() ? *hash : std::string();
}

void ExpectRefused(std::string_view password, std::string_view email, std::string_view key) {
  const Status status = CheckNewPassword(password, email);
  ASSERT_FALSE(status.ok()) << password;
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(status.error().field, "password");
  EXPECT_EQ(status.error().message, key) << password;
}

TEST(Password, VerifiesTheHashedPassword) {
  const std::string hash = Hash("correct horse battery staple");
  EXPECT_TRUE(VerifyPassword(hash, "correct horse battery staple"));
}

TEST(Password, RefusesAWrongPassword) {
  const std::string hash = Hash("correct horse battery staple");
  EXPECT_FALSE(VerifyPassword(hash, "correct horse battery stable"));
  EXPECT_FALSE(VerifyPassword(hash, ""));
}

TEST(Password, HashesWithArgon2idAndAFreshSalt) {
  const std::string first = Hash("correct horse battery staple");
  const std::string second = Hash("correct horse battery staple");
  EXPECT_EQ(first.rfind("$argon2id$", 0), 0u) << first;
  EXPECT_NE(first, second);
}

TEST(Password, MalformedEncodedHashVerifiesNothing) {
  const std::string hash = Hash("correct horse battery staple");
  EXPECT_FALSE(VerifyPassword("", "correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword("not a hash", "correct horse battery staple"));
  EXPECT_FALSE(
      VerifyPassword("$argon2id$v=19$m=8,t=1,p=1$garbage", "correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword(hash.substr(0, hash.size() - 5), "correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword(hash + std::string(200, 'A'), "correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword(std::string("$argon2id\0", 10), ""));
}

TEST(Password, RefusesLimitsOutsideLibsodiumsRange) {
  const Result<std::string> hash = HashPassword("correct horse battery staple",
                                                PasswordOptions{.ops_limit = 0, .mem_limit = 8192});
  ASSERT_FALSE(hash.ok());
  EXPECT_EQ(hash.error().code, ErrorCode::kInvalidArgument);
}

TEST(Password, NeedsRehashWhenLimitsChange) {
  const PasswordOptions fast = FastPasswordOptionsForTests();
  const std::string hash = Hash("correct horse battery staple");
  EXPECT_FALSE(NeedsRehash(hash, fast));
  EXPECT_TRUE(NeedsRehash(
      hash, PasswordOptions{.ops_limit = fast.ops_limit + 1, .mem_limit = fast.mem_limit}));
  EXPECT_TRUE(NeedsRehash(
      hash, PasswordOptions{.ops_limit = fast.ops_limit, .mem_limit = fast.mem_limit * 2}));
  EXPECT_TRUE(NeedsRehash(hash));  // the interactive defaults
}

TEST(Password, MalformedEncodedHashNeedsRehash) {
  EXPECT_TRUE(NeedsRehash("", FastPasswordOptionsForTests()));
  EXPECT_TRUE(NeedsRehash("not a hash", FastPasswordOptionsForTests()));
}

TEST(Password, DefaultsAreLibsodiumsInteractiveLimits) {
  const PasswordOptions defaults;
  EXPECT_EQ(defaults.ops_limit, 2u);
  EXPECT_EQ(defaults.mem_limit, 64u * 1024 * 1024);
  EXPECT_LT(FastPasswordOptionsForTests().mem_limit, defaults.mem_limit);
}

TEST(NewPassword, AcceptsAnOrdinaryPassphrase) {
  EXPECT_TRUE(CheckNewPassword("fiets-naar-de-markt", "jan@example.nl").ok());
  EXPECT_TRUE(CheckNewPassword("ééééééééééé", "jan@example.nl").ok());  // 11 code points
  EXPECT_TRUE(CheckNewPassword("abcdefgh12", "").ok());
}

TEST(NewPassword, RefusesFewerThanTenCodePoints) {
  ExpectRefused("", "jan@example.nl", "password_too_short");
  ExpectRefused("abc123xyz", "jan@example.nl", "password_too_short");
  // 18 bytes but 9 code points.
  ExpectRefused("ééééééééé", "jan@example.nl", "password_too_short");
}

TEST(NewPassword, AcceptsExactlyTenAndAtMost256CodePoints) {
  EXPECT_TRUE(CheckNewPassword("zq8#Lm2!vT", "jan@example.nl").ok());
  std::string longest;
  for (int i = 0; i < 256; ++i) longest += "é";  // 512 bytes, 256 code points
  EXPECT_TRUE(CheckNewPassword(longest, "jan@example.nl").ok());
  ExpectRefused(longest + "x", "jan@example.nl", "password_too_long");
  ExpectRefused(std::string(10000, 'x'), "jan@example.nl", "password_too_long");
}

TEST(NewPassword, RefusesInvalidUtf8) {
  ExpectRefused("abcdefghij\xff", "jan@example.nl", "password_invalid");
  ExpectRefused("abcdefghij\xc3", "jan@example.nl", "password_invalid");          // cut short
  ExpectRefused("abcdefghij\xc0\xaf", "jan@example.nl", "password_invalid");      // overlong '/'
  ExpectRefused("abcdefghij\xed\xa0\x80", "jan@example.nl", "password_invalid");  // surrogate
}

TEST(NewPassword, RefusesTheEmailAddressOrItsLocalPart) {
  ExpectRefused("jan.jansen@example.nl", "jan.jansen@example.nl", "password_is_email");
  ExpectRefused("Jan.Jansen@Example.NL", "jan.jansen@example.nl", "password_is_email");
  ExpectRefused("jan.jansen", "jan.jansen@example.nl", "password_is_email");
  ExpectRefused("JAN.JANSEN", "jan.jansen@example.nl", "password_is_email");
  EXPECT_TRUE(CheckNewPassword("jan.jansen1", "jan.jansen@example.nl").ok());
}

TEST(NewPassword, RefusesCommonPasswordsInAnyCase) {
  for (const char* common : {"wachtwoord1", "welkom1234", "1234567890", "password123", "qwertyuiop",
                             "Wachtwoord1", "PASSWORD123", "QwertyUiop"}) {
    ExpectRefused(common, "jan@example.nl", "password_common");
  }
}

}  // namespace
}  // namespace knooppunt::accounts
