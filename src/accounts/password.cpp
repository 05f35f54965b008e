#include "accounts/password.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <optional>

#include "domain/utf8.h"

namespace knooppunt::accounts {
namespace {

static_assert(PasswordOptions{}.ops_limit == crypto_pwhash_OPSLIMIT_INTERACTIVE);
static_assert(PasswordOptions{}.mem_limit == crypto_pwhash_MEMLIMIT_INTERACTIVE);

constexpr size_t kMinCodePoints = 10;
// Hashing cost does not depend much on length, but a megabyte of "password" still has to be
// read, copied and compared; a limit keeps a sign-in request cheap to refuse.
constexpr size_t kMaxCodePoints = 256;

// The most used passwords in Dutch and English leak lists, lower case. Shorter ones are refused
// by the length rule already, but are kept so the list reads as what it is.
constexpr std::string_view kCommonPasswords[] = {
    "0000000000",  "0123456789",    "1111111111",   "1234512345",   "1234567890",   "12345678910",
    "123456789a",  "1q2w3e4r5t",    "1qaz2wsx3edc", "abc1234567",   "abcd123456",   "abcdefghij",
    "admin12345",  "administrator", "ajaxajax12",   "amsterdam1",   "amsterdam123", "asdfghjkl1",
    "azertyuiop",  "changeme123",   "dragon1234",   "feyenoord1",   "football12",   "geheim1234",
    "geheim12345", "hallo12345",    "hallohallo",   "iloveyou12",   "knooppunt1",   "knooppunt123",
    "letmein123",  "monkey1234",    "passw0rd123",  "password12",   "password123",  "password1234",
    "princess12",  "qwerty1234",    "qwerty12345",  "qwertyuiop",   "rotterdam1",   "sunshine12",
    "voetbal123",  "wachtwoord",    "wachtwoord!",  "wachtwoord1",  "wachtwoord12", "wachtwoord123",
    "welcome123",  "welkom123",     "welkom1234",   "welkomwelkom", "zxcvbnm123",   "1234567890123",
};

bool SodiumReady() {
  static const bool kReady = sodium_init() >= 0;  // idempotent; thread-safe static init
  return kReady;
}

// The number of code points of `text`, or nullopt when it is not valid UTF-8 (overlong forms,
// surrogates and values above U+10FFFF included).
std::optional<size_t> CountCodePoints(std::string_view text) {
  if (!domain::IsValidUtf8(text)) return std::nullopt;
  return domain::CodePoints(text);
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

// libsodium's string functions read up to a NUL; nullopt when `encoded` cannot be one of theirs.
std::optional<std::string> AsEncodedHash(std::string_view encoded) {
  if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES ||
      encoded.find('\0') != std::string_view::npos) {
    return std::nullopt;
  }
  return std::string(encoded);
}

}  // namespace

PasswordOptions FastPasswordOptionsForTests() {
  return PasswordOptions{.ops_limit = crypto_pwhash_OPSLIMIT_MIN,
                         .mem_limit = crypto_pwhash_MEMLIMIT_MIN};
}

Result<std::string> HashPassword(std::string_view password, const PasswordOptions& options) {
  if (options.ops_limit < crypto_pwhash_OPSLIMIT_MIN ||
      options.ops_limit > crypto_pwhash_OPSLIMIT_MAX ||
      options.mem_limit < crypto_pwhash_MEMLIMIT_MIN ||
      options.mem_limit > crypto_pwhash_MEMLIMIT_MAX) {
    return InvalidArgument("password_options",
                           "Password hashing limits are outside what libsodium accepts.");
  }
  if (!SodiumReady()) return Unavailable("libsodium could not be initialised.");
  std::array<char, crypto_pwhash_STRBYTES> encoded{};
  if (crypto_pwhash_str_alg(encoded.data(), password.data(), password.size(), options.ops_limit,
                            options.mem_limit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Unavailable("Not enough memory to hash a password; try again later.");
  }
  return std::string(encoded.data());
}

bool VerifyPassword(std::string_view encoded, std::string_view password) {
  const std::optional<std::string> hash = AsEncodedHash(encoded);
  if (!hash || !SodiumReady()) return false;
  return crypto_pwhash_str_verify(hash->c_str(), password.data(), password.size()) == 0;
}

bool NeedsRehash(std::string_view encoded, const PasswordOptions& options) {
  const std::optional<std::string> hash = AsEncodedHash(encoded);
  if (!hash || !SodiumReady()) return true;
  // 0: same algorithm and limits; 1: other limits; -1: not an Argon2id hash.
  return crypto_pwhash_str_needs_rehash(hash->c_str(), options.ops_limit, options.mem_limit) != 0;
}

Status CheckNewPassword(std::string_view password, std::string_view email) {
  const std::optional<size_t> code_points = CountCodePoints(password);
  if (!code_points) return InvalidArgument("password", "password_invalid");
  if (*code_points < kMinCodePoints) return InvalidArgument("password", "password_too_short");
  if (*code_points > kMaxCodePoints) return InvalidArgument("password", "password_too_long");
  if (!email.empty()) {
    const std::string_view local_part = email.substr(0, email.rfind('@'));
    if (EqualsIgnoringAsciiCase(password, email) ||
        (!local_part.empty() && EqualsIgnoringAsciiCase(password, local_part))) {
      return InvalidArgument("password", "password_is_email");
    }
  }
  for (std::string_view common : kCommonPasswords) {
    if (EqualsIgnoringAsciiCase(password, common)) {
      return InvalidArgument("password", "password_common");
    }
  }
  return {};
}

}  // namespace knooppunt::accounts
