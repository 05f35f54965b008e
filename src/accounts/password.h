// Passwords: Argon2id hashes (libsodium's encoded form, which carries its salt and limits) and
// the rule a new password must meet.
// Thread-safety: free functions, safe from any thread; PasswordOptions is a plain value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace knooppunt::accounts {

// The cost of one hash. Raising either makes NeedsRehash true for hashes made before.
struct PasswordOptions {
  // Passes over memory; libsodium's crypto_pwhash_OPSLIMIT_INTERACTIVE (checked in password.cpp).
  uint64_t ops_limit = 2;
  // Bytes of memory per hash; libsodium's crypto_pwhash_MEMLIMIT_INTERACTIVE (64 MiB). Each
  // concurrent sign-in holds this much, so it bounds how many may run at once.
  size_t mem_limit = size_t{64} * 1024 * 1024;
};

// libsodium's minimum limits: fast and weak. For tests only; never for stored passwords.
PasswordOptions FastPasswordOptionsForTests();

// The Argon2id hash of `password` in libsodium's encoded form ("$argon2id$v=19$m=…"), with a
// fresh random salt. Fails with kInvalidArgument (field "password_options") when the options are
// outside libsodium's limits, and kUnavailable when the memory cannot be had.
Result<std::string> HashPassword(std::string_view password, const PasswordOptions& options = {});

// True when `password` matches `encoded`. False for a wrong password and for an encoded string
// that is malformed, too long or asks for more memory than can be had; never throws.
bool VerifyPassword(std::string_view encoded, std::string_view password);

// True when `encoded` was made with other limits than `options`, or is not an Argon2id hash at
// all: the caller then hashes the password again after a successful VerifyPassword.
bool NeedsRehash(std::string_view encoded, const PasswordOptions& options = {});

// OK when `password` may be chosen for the account with address `email`: valid UTF-8 of 10 to
// 256 code points, not the address or its local part (ignoring ASCII case), and not one of the
// most common passwords (ignoring ASCII case). Otherwise kInvalidArgument with field "password"
// and, as message, a key the web layer translates: "password_invalid" (not UTF-8),
// "password_too_short", "password_too_long", "password_is_email" or "password_common".
Status CheckNewPassword(std::string_view password, std::string_view email);

}  // namespace knooppunt::accounts
