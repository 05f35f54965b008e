// Random tokens (sessions, e-mail confirmation, password reset) and the hashes stored in their
// place, so a copy of the database does not let anyone sign in; plus constant-time comparison.
// Thread-safety: free functions, safe from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace knooppunt::accounts {

// Length of a NewToken: 32 random bytes in base64url without padding.
inline constexpr size_t kTokenLength = 43;

// A new token: 32 bytes from libsodium's generator, base64url without padding (43 characters,
// safe in URLs and cookies). Never fails.
std::string NewToken();

// The lower-case hex SHA-256 of `token` (64 characters): what the database stores and looks up
// instead of the token itself. Never fails.
std::string HashToken(std::string_view token);

// True when `text` has the shape of a NewToken: exactly 43 characters of [A-Za-z0-9_-]. Used to
// refuse junk before any database lookup; false otherwise.
bool LooksLikeToken(std::string_view text);

// True when `a` and `b` are the same bytes, compared in time that depends only on their length;
// false when they differ, in content or in length.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// The lower-case hex keyed BLAKE2b hash (32 bytes, 64 characters) of `text`. Counts sign-in
// failures per client address without storing the address: with a server secret as `key`, the
// hash cannot be turned back into the address by trying all addresses. A key of up to 64 bytes is
// used as is; a longer one is first hashed to 64 bytes. Use a random key of at least 32 bytes.
// Never fails.
std::string KeyedHash(std::string_view key, std::string_view text);

}  // namespace knooppunt::accounts
