// Two-step verification with authenticator apps: RFC 6238 time-based one-time passwords
// (HMAC-SHA1, 6 digits, 30-second steps), their base32 secrets, otpauth:// URIs and QR codes.
// Thread-safety: free functions, safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace knooppunt::accounts {

inline constexpr int64_t kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;

// A new secret: 20 random bytes (the HMAC-SHA1 key size RFC 4226 recommends) in base32, 32
// characters. Never fails.
std::string NewTotpSecret();

// RFC 4648 base32 of `bytes`: upper case, without '=' padding. Never fails.
std::string Base32Encode(std::span<const unsigned char> bytes);

// The bytes of base32 `text`. Accepts lower case and ignores spaces and '=' (secrets are often
// shown in groups). nullopt for any other character or a length no encoding produces.
std::optional<std::vector<unsigned char>> Base32Decode(std::string_view text);

// The code for `unix_seconds`, `digits` long with leading zeros (6 for authenticator apps; 6 to
// 8 are allowed, RFC 6238's test vectors use 8). nullopt when the secret is empty or not base32,
// `unix_seconds` is negative or `digits` is out of range.
std::optional<std::string> TotpCode(std::string_view secret_base32, int64_t unix_seconds,
                                    int digits = kTotpDigits);

// The step (unix_seconds / 30) whose code `code` is, trying the current step and one either
// side to allow for clock drift. Spaces in `code` are ignored ("123 456"); codes are compared in
// constant time. nullopt when the code is not 6 digits, matches none of the three steps, the
// secret is malformed, or the matching step is <= `last_used_step`: the caller stores the
// returned step and passes it back, so a code cannot be used twice (pass -1 before first use).
std::optional<int64_t> VerifyTotp(std::string_view secret_base32, std::string_view code,
                                  int64_t unix_seconds, int64_t last_used_step);

// The otpauth:// URI authenticator apps read from a QR code:
// otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30, with issuer
// and account percent-encoded. Never fails.
std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret);

// An SVG image of the QR code of `text` (error correction level M, 8-bit mode), to embed in a
// page: a white square with a 4-module quiet zone and one black path, without style attributes
// (the Content-Security-Policy forbids inline styles). `label`, when given, becomes its
// aria-label. Empty string when `text` is empty, holds a NUL or is too long for a QR code.
std::string QrSvg(std::string_view text, std::string_view label = {});

}  // namespace knooppunt::accounts
