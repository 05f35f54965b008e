#include "domain/uuid.h"

#include <sodium.h>

#include <array>
#include <cstdint>

#include "domain/model.h"

namespace knooppunt::domain {
namespace {

std::string Format(std::array<unsigned char, 16> bytes, unsigned char version) {
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | (version << 4));
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);  // RFC 9562 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[bytes[i] >> 4]);
    out.push_back(kHex[bytes[i] & 0x0F]);
  }
  return out;
}

}  // namespace

std::string RandomUuid() {
  static const bool kReady = sodium_init() >= 0;  // idempotent; thread-safe static init
  (void)kReady;
  std::array<unsigned char, 16> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return Format(bytes, 4);
}

std::string NameUuid(std::string_view name) {
  std::array<unsigned char, 16> bytes{};
  crypto_generichash(bytes.data(), bytes.size(),
                     reinterpret_cast<const unsigned char*>(name.data()), name.size(), nullptr, 0);
  return Format(bytes, 8);
}

bool IsUuid(std::string_view text) { return NormaliseValue(FieldType::kUuid, text).has_value(); }

}  // namespace knooppunt::domain
