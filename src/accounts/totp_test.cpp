#include "accounts/totp.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace knooppunt::accounts {
namespace {

// RFC 6238 Appendix B: the SHA1 seed is the ASCII "12345678901234567890".
constexpr std::string_view kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
constexpr int64_t kNow = 1111111111;

std::vector<unsigned char> BytesOf(std::string_view text) {
  return std::vector<unsigned char>(text.begin(), text.end());
}

std::string CodeAt(std::string_view secret, int64_t unix_seconds) {
  return TotpCode(secret, unix_seconds).value_or("");
}

TEST(Base32, MatchesRfc4648TestVectors) {
  EXPECT_EQ(Base32Encode(BytesOf("")), "");
  EXPECT_EQ(Base32Encode(BytesOf("f")), "MY");
  EXPECT_EQ(Base32Encode(BytesOf("fo")), "MZXQ");
  EXPECT_EQ(Base32Encode(BytesOf("foo")), "MZXW6");
  EXPECT_EQ(Base32Encode(BytesOf("foob")), "MZXW6YQ");
  EXPECT_EQ(Base32Encode(BytesOf("fooba")), "MZXW6YTB");
  EXPECT_EQ(Base32Encode(BytesOf("foobar")), "MZXW6YTBOI");
  EXPECT_EQ(Base32Encode(BytesOf("12345678901234567890")), kRfcSecret);
}

TEST(Base32, DecodesWhatItEncodes) {
  for (std::string_view text : {"", "f", "fo", "foo", "foob", "fooba", "foobar"}) {
    EXPECT_EQ(Base32Decode(Base32Encode(BytesOf(text))), BytesOf(text)) << text;
  }
}

TEST(Base32, DecodeAcceptsLowerCaseSpacesAndPadding) {
  EXPECT_EQ(Base32Decode("mzxw6ytboi"), BytesOf("foobar"));
  EXPECT_EQ(Base32Decode("MZXW 6YTB OI"), BytesOf("foobar"));
  EXPECT_EQ(Base32Decode("MZXW6YTBOI======"), BytesOf("foobar"));
  EXPECT_EQ(Base32Decode("MY======"), BytesOf("f"));
}

TEST(Base32, DecodeRefusesOtherCharactersAndImpossibleLengths) {
  EXPECT_FALSE(Base32Decode("MZXW6YTB0I"));  // '0' is not in the alphabet
  EXPECT_FALSE(Base32Decode("MZXW6YTB1I"));
  EXPECT_FALSE(Base32Decode("MZXW-6YTB"));
  EXPECT_FALSE(Base32Decode("MZXW6YTB\n"));
  EXPECT_FALSE(Base32Decode("M"));
  EXPECT_FALSE(Base32Decode("MZX"));
  EXPECT_FALSE(Base32Decode("MZXW6Y"));
}

TEST(Totp, NewSecretsAre20RandomBytes) {
  const std::string secret = NewTotpSecret();
  EXPECT_EQ(secret.size(), 32u);
  const auto bytes = Base32Decode(secret);
  ASSERT_TRUE(bytes);
  EXPECT_EQ(bytes->size(), 20u);
  EXPECT_NE(NewTotpSecret(), secret);
}

TEST(Totp, MatchesRfc6238TestVectors) {
  EXPECT_EQ(TotpCode(kRfcSecret, 59, 8), "94287082");
  EXPECT_EQ(TotpCode(kRfcSecret, 1111111109, 8), "07081804");
  EXPECT_EQ(TotpCode(kRfcSecret, 1111111111, 8), "14050471");
  EXPECT_EQ(TotpCode(kRfcSecret, 1234567890, 8), "89005924");
  EXPECT_EQ(TotpCode(kRfcSecret, 2000000000, 8), "69279037");
  EXPECT_EQ(TotpCode(kRfcSecret, 20000000000, 8), "65353130");
}

TEST(Totp, SixDigitCodesAreTheLastSixOfTheRfcVectors) {
  EXPECT_EQ(TotpCode(kRfcSecret, 59), "287082");
  EXPECT_EQ(TotpCode(kRfcSecret, 1111111109), "081804");
  EXPECT_EQ(TotpCode(kRfcSecret, 20000000000), "353130");
}

TEST(Totp, CodeIsTheSameWithinAStep) {
  EXPECT_EQ(CodeAt(kRfcSecret, 1111111080), CodeAt(kRfcSecret, 1111111109));
  EXPECT_NE(CodeAt(kRfcSecret, 1111111109), CodeAt(kRfcSecret, 1111111110));
}

TEST(Totp, CodeNeedsAWellFormedSecret) {
  EXPECT_FALSE(TotpCode("", kNow));
  EXPECT_FALSE(TotpCode("not base32!", kNow));
  EXPECT_FALSE(TotpCode(kRfcSecret, -1));
  EXPECT_FALSE(TotpCode(kRfcSecret, kNow, 5));
  EXPECT_FALSE(TotpCode(kRfcSecret, kNow, 9));
}

TEST(Totp, VerifyAcceptsTheCurrentStepAndOneEitherSide) {
  const int64_t step = kNow / 30;
  EXPECT_EQ(VerifyTotp(kRfcSecret, CodeAt(kRfcSecret, kNow), kNow, -1), step);
  EXPECT_EQ(VerifyTotp(kRfcSecret, CodeAt(kRfcSecret, kNow - 30), kNow, -1), step - 1);
  EXPECT_EQ(VerifyTotp(kRfcSecret, CodeAt(kRfcSecret, kNow + 30), kNow, -1), step + 1);
}

TEST(Totp, VerifyRefusesCodesTwoStepsAway) {
  EXPECT_FALSE(VerifyTotp(kRfcSecret, CodeAt(kRfcSecret, kNow - 60), kNow, -1));
  EXPECT_FALSE(VerifyTotp(kRfcSecret, CodeAt(kRfcSecret, kNow + 60), kNow, -1));
}

TEST(Totp, VerifyRefusesAReplayedCode) {
  const std::string code = CodeAt(kRfcSecret, kNow);
  const std::optional<int64_t> used = VerifyTotp(kRfcSecret, code, kNow, -1);
  ASSERT_TRUE(used);
  EXPECT_FALSE(VerifyTotp(kRfcSecret, code, kNow, *used));
  EXPECT_FALSE(VerifyTotp(kRfcSecret, code, kNow + 30, *used));
  // An earlier step is refused once a later one was used.
  EXPECT_FALSE(VerifyTotp(kRfcSecret, CodeAt(kRfcSecret, kNow - 30), kNow, *used));
  // The next step's code is still accepted.
  EXPECT_EQ(VerifyTotp(kRfcSecret, CodeAt(kRfcSecret, kNow + 30), kNow + 30, *used), *used + 1);
}

TEST(Totp, VerifyAcceptsCodesWithSpaces) {
  const std::string code = CodeAt(kRfcSecret, kNow);
  const std::string spaced = code.substr(0, 3) + " " + code.substr(3);
  EXPECT_EQ(VerifyTotp(kRfcSecret, spaced, kNow, -1), kNow / 30);
  EXPECT_EQ(VerifyTotp(kRfcSecret, " " + code + " ", kNow, -1), kNow / 30);
}

TEST(Totp, VerifyRefusesAnythingButSixDigits) {
  const std::string code = CodeAt(kRfcSecret, kNow);
  EXPECT_FALSE(VerifyTotp(kRfcSecret, "", kNow, -1));
  EXPECT_FALSE(VerifyTotp(kRfcSecret, code.substr(0, 5), kNow, -1));
  EXPECT_FALSE(VerifyTotp(kRfcSecret, code + "0", kNow, -1));
  EXPECT_FALSE(VerifyTotp(kRfcSecret, "0" + code, kNow, -1));
  EXPECT_FALSE(VerifyTotp(kRfcSecret, code.substr(0, 5) + "a", kNow, -1));
  EXPECT_FALSE(VerifyTotp(kRfcSecret, code.substr(0, 3) + "-" + code.substr(3), kNow, -1));
  EXPECT_FALSE(VerifyTotp(kRfcSecret, TotpCode(kRfcSecret, kNow, 8).value(), kNow, -1));
}

TEST(Totp, VerifyRefusesAMalformedSecret) {
  EXPECT_FALSE(VerifyTotp("", "123456", kNow, -1));
  EXPECT_FALSE(VerifyTotp("not base32!", "123456", kNow, -1));
}

TEST(Totp, UriNamesIssuerAccountAndParameters) {
  EXPECT_EQ(TotpUri("Knooppunt", "jan@example.nl", "JBSWY3DPEHPK3PXP"),
            "otpauth://totp/Knooppunt:jan%40example.nl?secret=JBSWY3DPEHPK3PXP"
            "&issuer=Knooppunt&algorithm=SHA1&digits=6&period=30");
}

TEST(Totp, UriPercentEncodesIssuerAndAccount) {
  EXPECT_EQ(TotpUri("Knooppunt Zuid:Oost", "a&b=c?d", "ABC"),
            "otpauth://totp/Knooppunt%20Zuid%3AOost:a%26b%3Dc%3Fd?secret=ABC"
            "&issuer=Knooppunt%20Zuid%3AOost&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(TotpUri("Wijkhuis Café", "x", "ABC").substr(0, 35),
            "otpauth://totp/Wijkhuis%20Caf%C3%A9");
}

TEST(QrCode, IsAnSvgWithoutStyles) {
  const std::string svg = QrSvg(TotpUri("Knooppunt", "jan@example.nl", NewTotpSecret()));
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u) << svg;
  EXPECT_NE(svg.find("viewBox=\"0 0 "), std::string::npos);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("<rect "), std::string::npos);
  EXPECT_NE(svg.find("<path fill=\"#000\" d=\"M"), std::string::npos);
  EXPECT_EQ(svg.find("style"), std::string::npos);
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
}

TEST(QrCode, HasAQuietZoneOfFourModules) {
  // "A" fits version 1 (21 modules): 21 + 2 * 4 = 29; the finder pattern starts at (4,4).
  const std::string svg = QrSvg("A");
  EXPECT_NE(svg.find("viewBox=\"0 0 29 29\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("d=\"M4 4h7v1h-7z"), std::string::npos) << svg;
}

TEST(QrCode, DiffersForDifferentText) {
  EXPECT_NE(QrSvg("otpauth://totp/a"), QrSvg("otpauth://totp/b"));
  EXPECT_EQ(QrSvg("otpauth://totp/a"), QrSvg("otpauth://totp/a"));
}

TEST(QrCode, EscapesTheLabel) {
  const std::string svg = QrSvg("A", "Scan <dit> & \"dat\"");
  EXPECT_NE(svg.find("aria-label=\"Scan &lt;dit&gt; &amp; &quot;dat&quot;\""), std::string::npos)
      << svg;
}

TEST(QrCode, IsEmptyWhenTheTextCannotBeEncoded) {
  EXPECT_EQ(QrSvg(""), "");
  EXPECT_EQ(QrSvg(std::string("a\0b", 3)), "");
  EXPECT_EQ(QrSvg(std::string(5000, 'x')), "");
}

}  // namespace
}  // namespace knooppunt::accounts
