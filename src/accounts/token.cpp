#include "accounts/token.h"

#include <sodium.h>

#include <array>
#include <cstddef>

namespace knooppunt::accounts {
namespace {

constexpr size_t kTokenBytes = 32;
static_assert(sodium_base64_ENCODED_LEN(kTokenBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING) ==
              kTokenLength + 1);  // + the terminating NUL

void EnsureSodium() {
  static const bool kReady = sodium_init() >= 0;  // idempotent; thread-safe static init
  (void)kReady;
}

const unsigned char* Bytes(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

template <size_t N>
std::string Hex(const std::array<unsigned char, N>& bytes) {
  std::array<char, N * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  return std::string(hex.data(), N * 2);
}

}  // namespace

std::string NewToken() {
  EnsureSodium();
  std::array<unsigned char, kTokenBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, kTokenLength + 1> text{};
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(bytes.data(), bytes.size());
  return std::string(text.data(), kTokenLength);
}

std::string HashToken(std::string_view token) {
  EnsureSodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), Bytes(token), token.size());
  return Hex(digest);
}

bool LooksLikeToken(std::string_view text) {
  if (text.size() != kTokenLength) return false;
  for (char c : text) {
    const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                         (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!allowed) return false;
  }
  return true;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  EnsureSodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string KeyedHash(std::string_view key, std::string_view text) {
  EnsureSodium();
  std::array<unsigned char, crypto_generichash_KEYBYTES_MAX> long_key{};
  if (key.size() > crypto_generichash_KEYBYTES_MAX) {
    crypto_generichash(long_key.data(), long_key.size(), Bytes(key), key.size(), nullptr, 0);
    key = std::string_view(reinterpret_cast<const char*>(long_key.data()), long_key.size());
  }
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  crypto_generichash(digest.data(), digest.size(), Bytes(text), text.size(),
                     key.empty() ? nullptr : Bytes(key), key.size());
  sodium_memzero(long_key.data(), long_key.size());
  return Hex(digest);
}

}  // namespace knooppunt::accounts
