#include "accounts/totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <qrencode.h>
#include <sodium.h>

#include <array>
#include <memory>

#include "accounts/token.h"

namespace knooppunt::accounts {
namespace {

constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr size_t kSecretBytes = 20;
constexpr int kQuietZoneModules = 4;
constexpr int kPixelsPerModule = 4;
constexpr size_t kCodeLength = kTotpDigits;

void EnsureSodium() {
  static const bool kReady = sodium_init() >= 0;  // idempotent; thread-safe static init
  (void)kReady;
}

// The decoded key, wiped when it goes out of scope.
struct Key {
  std::vector<unsigned char> bytes;
  ~Key() { sodium_memzero(bytes.data(), bytes.size()); }
};

std::optional<Key> DecodeSecret(std::string_view secret_base32) {
  std::optional<std::vector<unsigned char>> bytes = Base32Decode(secret_base32);
  if (!bytes || bytes->empty()) return std::nullopt;
  return Key{std::move(*bytes)};
}

// RFC 4226 HOTP: HMAC-SHA1 of the big-endian counter, dynamically truncated to `digits` digits.
std::optional<std::string> HotpCode(const Key& key, uint64_t counter, int digits) {
  std::array<unsigned char, 8> message{};
  for (int i = 7; i >= 0; --i) {
    message[i] = static_cast<unsigned char>(counter & 0xFF);
    counter >>= 8;
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int mac_length = 0;
  if (HMAC(EVP_sha1(), key.bytes.data(), static_cast<int>(key.bytes.size()), message.data(),
           message.size(), mac.data(), &mac_length) == nullptr ||
      mac_length != 20) {
    return std::nullopt;
  }
  const int offset = mac[19] & 0x0F;
  uint32_t value = (static_cast<uint32_t>(mac[offset] & 0x7F) << 24) |
                   (static_cast<uint32_t>(mac[offset + 1]) << 16) |
                   (static_cast<uint32_t>(mac[offset + 2]) << 8) |
                   static_cast<uint32_t>(mac[offset + 3]);
  std::string code(static_cast<size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i) {
    code[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return code;
}

int Base32Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= '2' && c <= '7') return c - '2' + 26;
  return -1;
}

void AppendPercentEncoded(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char c : text) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(c);
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0F]);
    }
  }
}

void AppendXmlEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
}

struct QrCodeFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::string NewTotpSecret() {
  EnsureSodium();
  std::array<unsigned char, kSecretBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string secret = Base32Encode(bytes);
  sodium_memzero(bytes.data(), bytes.size());
  return secret;
}

std::string Base32Encode(std::span<const unsigned char> bytes) {
  std::string out;
  out.reserve((bytes.size() * 8 + 4) / 5);
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push_back(kBase32Alphabet[(buffer >> bits) & 0x1F]);
    }
  }
  if (bits > 0) out.push_back(kBase32Alphabet[(buffer << (5 - bits)) & 0x1F]);
  return out;
}

std::optional<std::vector<unsigned char>> Base32Decode(std::string_view text) {
  std::vector<unsigned char> out;
  out.reserve(text.size() * 5 / 8);
  uint32_t buffer = 0;
  int bits = 0;
  size_t symbols = 0;
  for (char c : text) {
    if (c == ' ' || c == '=') continue;
    const int value = Base32Value(c);
    if (value < 0) return std::nullopt;
    ++symbols;
    buffer = (buffer << 5) | static_cast<uint32_t>(value);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<unsigned char>((buffer >> bits) & 0xFF));
    }
  }
  // 1, 3 or 6 symbols left over cannot come from whole bytes.
  const size_t tail = symbols % 8;
  if (tail == 1 || tail == 3 || tail == 6) return std::nullopt;
  return out;
}

std::optional<std::string> TotpCode(std::string_view secret_base32, int64_t unix_seconds,
                                    int digits) {
  if (unix_seconds < 0 || digits < 6 || digits > 8) return std::nullopt;
  const std::optional<Key> key = DecodeSecret(secret_base32);
  if (!key) return std::nullopt;
  return HotpCode(*key, static_cast<uint64_t>(unix_seconds / kTotpStepSeconds), digits);
}

std::optional<int64_t> VerifyTotp(std::string_view secret_base32, std::string_view code,
                                  int64_t unix_seconds, int64_t last_used_step) {
  std::string digits;
  for (char c : code) {
    if (c == ' ') continue;
    if (c < '0' || c > '9' || digits.size() == kCodeLength) return std::nullopt;
    digits.push_back(c);
  }
  if (digits.size() != kCodeLength || unix_seconds < 0) return std::nullopt;
  const std::optional<Key> key = DecodeSecret(secret_base32);
  if (!key) return std::nullopt;

  // Every candidate is computed and compared, so timing does not tell which step matched. The
  // latest match wins: storing an earlier one would let the same code pass again for a later step.
  const int64_t current = unix_seconds / kTotpStepSeconds;
  std::optional<int64_t> matched;
  for (int64_t step = current - 1; step <= current + 1; ++step) {
    if (step < 0) continue;
    const std::optional<std::string> expected =
        HotpCode(*key, static_cast<uint64_t>(step), kTotpDigits);
    if (expected && ConstantTimeEquals(*expected, digits)) matched = step;
  }
  if (!matched || *matched <= last_used_step) return std::nullopt;
  return matched;
}

std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret) {
  std::string uri = "otpauth://totp/";
  AppendPercentEncoded(uri, issuer);
  uri.push_back(':');
  AppendPercentEncoded(uri, account);
  uri += "?secret=";
  AppendPercentEncoded(uri, secret);
  uri += "&issuer=";
  AppendPercentEncoded(uri, issuer);
  uri += "&algorithm=SHA1&digits=6&period=30";
  return uri;
}

std::string QrSvg(std::string_view text, std::string_view label) {
  if (text.empty() || text.find('\0') != std::string_view::npos) return {};
  const std::string input(text);
  const std::unique_ptr<QRcode, QrCodeFree> qr(
      QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (!qr) return {};

  const int width = qr->width;
  const std::string size = std::to_string(width + 2 * kQuietZoneModules);
  const std::string pixels = std::to_string((width + 2 * kQuietZoneModules) * kPixelsPerModule);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size +
                    "\" width=\"" + pixels + "\" height=\"" + pixels +
                    "\" role=\"img\" shape-rendering=\"crispEdges\"";
  if (!label.empty()) {
    svg += " aria-label=\"";
    AppendXmlEscaped(svg, label);
    svg += "\"";
  }
  svg += "><rect width=\"" + size + "\" height=\"" + size +
         "\" fill=\"#fff\"/><path fill=\"#000\" d=\"";
  // One rectangle per horizontal run of dark modules; bit 0 of each module byte is "dark".
  for (int y = 0; y < width; ++y) {
    int x = 0;
    while (x < width) {
      if ((qr->data[y * width + x] & 1) == 0) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < width && (qr->data[y * width + x] & 1) != 0) ++x;
      const std::string run = std::to_string(x - start);
      svg += 'M';
      svg += std::to_string(start + kQuietZoneModules);
      svg += ' ';
      svg += std::to_string(y + kQuietZoneModules);
      svg += 'h';
      svg += run;
      svg += "v1h-";
      svg += run;
      svg += 'z';
    }
  }
  svg += "\"/></svg>";
  return svg;
}

}  // namespace knooppunt::accounts
