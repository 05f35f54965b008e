#include "mail/mailer.h"

#include <curl/curl.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "domain/time.h"
#include "domain/uuid.h"

namespace knooppunt::mail {
namespace {

namespace fs = std::filesystem;

// RFC 5322 §2.1.1: lines SHOULD be at most 78 characters, excluding CRLF.
constexpr std::size_t kMaxLine = 78;
// RFC 2045 §6.8: base64 lines of at most 76 characters.
constexpr std::size_t kBase64Line = 76;
// "=?UTF-8?B?" + "?=" around every encoded word.
constexpr std::string_view kWordStart = "=?UTF-8?B?";
constexpr std::string_view kWordEnd = "?=";
// Bytes of text per encoded word: 42 bytes → 56 base64 characters → a 68-character word, which
// keeps "Subject: " or "From: " + word within 78 and each word within RFC 2047's 75.
constexpr std::size_t kWordBytes = 42;

bool HasLineBreakOrNul(std::string_view text) {
  return text.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

bool IsAsciiPrintable(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

// Well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool IsUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length;
    unsigned min, code;
    if (byte < 0x80) {
      ++i;
      continue;
    } else if ((byte & 0xe0) == 0xc0) {
      length = 2, min = 0x80, code = byte & 0x1f;
    } else if ((byte & 0xf0) == 0xe0) {
      length = 3, min = 0x800, code = byte & 0x0f;
    } else if ((byte & 0xf8) == 0xf0) {
      length = 4, min = 0x10000, code = byte & 0x07;
    } else {
      return false;
    }
    if (i + length > text.size()) {
      return false;
    }
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xc0) != 0x80) {
        return false;
      }
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      return false;
    }
    i += length;
  }
  return true;
}

std::string Base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    unsigned triple = static_cast<unsigned char>(bytes[i]) << 16 |
                      static_cast<unsigned char>(bytes[i + 1]) << 8 |
                      static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(triple >> 18) & 63];
    out += kAlphabet[(triple >> 12) & 63];
    out += kAlphabet[(triple >> 6) & 63];
    out += kAlphabet[triple & 63];
  }
  if (std::size_t rest = bytes.size() - i; rest > 0) {
    unsigned triple = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) {
      triple |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    }
    out += kAlphabet[(triple >> 18) & 63];
    out += kAlphabet[(triple >> 12) & 63];
    out += rest == 2 ? kAlphabet[(triple >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// A header whose value is `utf8` as RFC 2047 encoded words, one per line. Words end on character
// boundaries, as RFC 2047 §5 requires. Returns the header without its final CRLF.
std::string EncodedHeader(std::string_view name, std::string_view utf8) {
  std::string header = std::string(name) + ": ";
  bool first = true;
  do {
    std::size_t take = std::min(kWordBytes, utf8.size());
    while (take < utf8.size() && take > 0 &&
           (static_cast<unsigned char>(utf8[take]) & 0xc0) == 0x80) {
      --take;
    }
    if (!first) {
      header += "\r\n ";
    }
    header += kWordStart;
    header += Base64(utf8.substr(0, take));
    header += kWordEnd;
    utf8.remove_prefix(take);
    first = false;
  } while (!utf8.empty());
  return header;
}

// A header of printable ASCII folded before spaces so that lines stay within 78 characters, or
// nullopt when a single word is too long for that (the caller then encodes it).
std::optional<std::string> FoldedAsciiHeader(std::string_view name, std::string_view value) {
  std::string header = std::string(name) + ":";
  std::size_t line_start = 0;
  std::size_t pos = 0;
  bool first = true;
  while (true) {
    std::size_t space = value.find(' ', pos);
    std::string_view word =
        value.substr(pos, space == std::string_view::npos ? std::string_view::npos : space - pos);
    // A fold goes before the space, never producing a line of only white space.
    if (!first && !word.empty() && header.size() - line_start + 1 + word.size() > kMaxLine) {
      header += "\r\n";
      line_start = header.size();
    }
    header += ' ';
    header += word;
    if (header.size() - line_start > kMaxLine) {
      return std::nullopt;
    }
    first = false;
    if (space == std::string_view::npos) {
      break;
    }
    pos = space + 1;
  }
  return header;
}

std::string UnstructuredHeader(std::string_view name, std::string_view value) {
  // "=?" in plain text would be read back as the start of an encoded word.
  if (IsAsciiPrintable(value) && value.find("=?") == std::string_view::npos) {
    if (auto folded = FoldedAsciiHeader(name, value)) {
      return *folded;
    }
  }
  return EncodedHeader(name, value);
}

bool IsAtextOrSpace(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view(" !#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

struct Sender {
  std::string display_name;  // as written, possibly empty
  std::string address;       // bare local@domain
};

// Splits "Name <local@domain>" or "local@domain". Fails with kInvalidArgument (field "from").
Result<Sender> ParseSender(std::string_view from) {
  if (HasLineBreakOrNul(from)) {
    return InvalidArgument("from", "The sender must not contain line breaks.");
  }
  if (!IsUtf8(from)) {
    return InvalidArgument("from", "The sender is not valid UTF-8.");
  }
  auto trim = [](std::string_view text) {
    while (!text.empty() && text.front() == ' ') {
      text.remove_prefix(1);
    }
    while (!text.empty() && text.back() == ' ') {
      text.remove_suffix(1);
    }
    return text;
  };
  from = trim(from);
  Sender sender;
  if (std::size_t open = from.rfind('<'); open != std::string_view::npos) {
    if (from.back() != '>') {
      return InvalidArgument("from", "The sender must look like \"Name <address>\".");
    }
    sender.display_name = trim(from.substr(0, open));
    sender.address = from.substr(open + 1, from.size() - open - 2);
  } else {
    sender.address = from;
  }
  if (!IsPlausibleAddress(sender.address)) {
    return InvalidArgument("from", "The sender address is not a plausible e-mail address.");
  }
  return sender;
}

std::string FromHeader(const Sender& sender) {
  std::string bracketed = "<" + sender.address + ">";
  std::string_view name = sender.display_name;
  if (name.empty()) {
    return "From: " + bracketed;
  }
  std::string header;
  bool quoted = name.size() >= 2 && name.front() == '"' && name.back() == '"';
  if (IsAsciiPrintable(name) && (quoted || std::all_of(name.begin(), name.end(), IsAtextOrSpace))) {
    header = "From: " + std::string(name);
  } else if (IsAsciiPrintable(name)) {
    header = "From: \"";
    for (char c : name) {
      if (c == '"' || c == '\\') {
        header += '\\';
      }
      header += c;
    }
    header += '"';
  } else {
    header = EncodedHeader("From", name);
  }
  std::size_t last_line = header.rfind('\n');
  std::size_t used = last_line == std::string::npos ? header.size() : header.size() - last_line - 1;
  header += used + 1 + bracketed.size() > kMaxLine ? "\r\n " : " ";
  return header + bracketed;
}

// The text with every line break as CRLF, base64 encoded in lines of 76, each ending in CRLF.
std::string Base64Body(std::string_view text) {
  std::string canonical;
  canonical.reserve(text.size() + text.size() / 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      canonical += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
    } else if (text[i] == '\n') {
      canonical += "\r\n";
    } else {
      canonical += text[i];
    }
  }
  std::string encoded = Base64(canonical);
  std::string body;
  body.reserve(encoded.size() + encoded.size() / kBase64Line * 2 + 2);
  for (std::size_t i = 0; i < encoded.size(); i += kBase64Line) {
    body.append(encoded, i, kBase64Line);
    body += "\r\n";
  }
  return body;
}

// A BCP 47-shaped tag: a primary subtag of 2 to 8 letters, then subtags of 1 to 8 letters or
// digits, joined by '-'. Shape only; whether the language exists is not checked.
bool IsLanguageTag(std::string_view tag) {
  if (tag.size() > 35) {
    return false;
  }
  bool primary = true;
  while (true) {
    std::size_t dash = tag.find('-');
    std::string_view subtag = tag.substr(0, dash);
    if (subtag.size() < (primary ? 2u : 1u) || subtag.size() > 8) {
      return false;
    }
    for (char c : subtag) {
      bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      bool digit = c >= '0' && c <= '9';
      if (!letter && !(digit && !primary)) {
        return false;
      }
    }
    if (dash == std::string_view::npos) {
      return true;
    }
    tag.remove_prefix(dash + 1);
    primary = false;
  }
}

// "Tue, 21 Nov 2026 09:30:00 +0000" (RFC 5322 §3.3), independent of the process locale.
std::string RfcDate(domain::Instant instant) {
  namespace chrono = std::chrono;
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto day = chrono::floor<chrono::days>(instant);
  chrono::year_month_day date{day};
  chrono::hh_mm_ss time{chrono::floor<chrono::seconds>(instant - day)};
  char text[40];
  std::snprintf(text, sizeof text, "%s, %02u %s %04d %02ld:%02ld:%02ld +0000",
                kDays[chrono::weekday(day).c_encoding()], static_cast<unsigned>(date.day()),
                kMonths[static_cast<unsigned>(date.month()) - 1], static_cast<int>(date.year()),
                static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                static_cast<long>(time.seconds().count()));
  return text;
}

// "20261121T093000123Z": sorts in time order and is safe in file names.
std::string FileTimestamp(domain::Instant instant) {
  std::string text = domain::FormatUtc(instant);  // "2026-11-21T09:30:00.123Z"
  std::erase_if(text, [](char c) { return c == '-' || c == ':' || c == '.'; });
  return text;
}

struct Prepared {
  std::string envelope_from;  // bare address for MAIL FROM
  std::string message;        // the formatted message
};

// Validates the mail and formats it with a fresh Message-ID and the current date.
Result<Prepared> Prepare(const Mail& mail, std::string_view from) {
  auto sender = ParseSender(from);
  if (!sender.ok()) {
    return sender.error();
  }
  const std::string& address = sender->address;
  std::string message_id = domain::RandomUuid() + address.substr(address.rfind('@'));
  auto message = FormatMessage(mail, from, message_id, RfcDate(domain::Now()));
  if (!message.ok()) {
    return message.error();
  }
  return Prepared{address, std::move(message.value())};
}

class FolderMailer final : public Mailer {
 public:
  FolderMailer(fs::path folder, std::string from)
      : folder_(std::move(folder)), from_(std::move(from)) {}

  Status Send(const Mail& mail) override {
    auto prepared = Prepare(mail, from_);
    if (!prepared.ok()) {
      return prepared.error();
    }
    std::string name = FileTimestamp(domain::Now()) + "-" + domain::RandomUuid();
    fs::path temporary = folder_ / ("." + name + ".tmp");
    fs::path final_path = folder_ / (name + ".eml");
    // Written under a hidden name and renamed, so a reader never sees half a message.
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
      return WriteFailure(errno);
    }
    std::string_view rest = prepared->message;
    while (!rest.empty()) {
      ssize_t written = ::write(fd, rest.data(), rest.size());
      if (written < 0 && errno == EINTR) {
        continue;
      }
      if (written < 0) {
        return Abandon(fd, temporary, errno);
      }
      rest.remove_prefix(static_cast<std::size_t>(written));
    }
    if (::fsync(fd) != 0) {
      return Abandon(fd, temporary, errno);
    }
    if (::close(fd) != 0) {
      return Abandon(-1, temporary, errno);
    }
    if (::rename(temporary.c_str(), final_path.c_str()) != 0) {
      return Abandon(-1, temporary, errno);
    }
    return {};
  }

 private:
  static Error WriteFailure(int error) {
    return Unavailable("Could not write the mail into the mail folder: " +
                       std::generic_category().message(error) + ".");
  }
  static Error Abandon(int fd, const fs::path& temporary, int error) {
    if (fd >= 0) {
      ::close(fd);
    }
    ::unlink(temporary.c_str());
    return WriteFailure(error);
  }

  fs::path folder_;
  std::string from_;
};

// libcurl's global state, set up once for the process and never torn down.
bool CurlReady() {
  static const bool kReady = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  return kReady;
}

struct Upload {
  std::string_view rest;
};

size_t ReadUpload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  size_t n = std::min(size * count, upload->rest.size());
  std::memcpy(buffer, upload->rest.data(), n);
  upload->rest.remove_prefix(n);
  return n;
}

// The SMTP reply decides first (4xx temporary, 5xx permanent): libcurl reports a refused
// RCPT or MAIL as CURLE_SEND_ERROR, the same code as a broken connection. Messages carry
// only codes, never the conversation, which could hold the recipient.
Status StatusFromCurl(CURLcode code, long reply) {
  if (code == CURLE_OK) {
    return {};
  }
  std::string reply_text = std::to_string(reply);
  if (reply >= 500 && reply <= 599) {
    return Error{ErrorCode::kInvalidArgument,
                 "The mail server refused the mail for good (SMTP reply " + reply_text + ").",
                 {}};
  }
  if (reply >= 400 && reply <= 499) {
    return Unavailable("The mail server deferred the mail (SMTP reply " + reply_text +
                       "); try again later.");
  }
  switch (code) {
    case CURLE_LOGIN_DENIED:
      return Error{ErrorCode::kInvalidArgument,
                   "The mail server refused the configured username or password.",
                   {}};
    case CURLE_SEND_FAIL_REWIND:
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return Error{ErrorCode::kInvalidArgument,
                   std::string("The mail could not be sent: ") + curl_easy_strerror(code) + ".",
                   {}};
    default:
      // Connection refused, timeouts, broken connections, TLS unavailable: worth retrying.
      return Unavailable(std::string("The mail server could not be reached: ") +
                         curl_easy_strerror(code) + ".");
  }
}

class SmtpMailer final : public Mailer {
 public:
  explicit SmtpMailer(MailerOptions options) : options_(std::move(options)) {}

  Status Send(const Mail& mail) override {
    auto prepared = Prepare(mail, options_.from);
    if (!prepared.ok()) {
      return prepared.error();
    }
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) {
      return Unavailable("Could not start an SMTP connection (out of memory).");
    }
    std::string mail_from = "<" + prepared->envelope_from + ">";
    std::string rcpt_to = "<" + mail.to + ">";
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(
        curl_slist_append(nullptr, rcpt_to.c_str()), curl_slist_free_all);
    if (!recipients) {
      return Unavailable("Could not start an SMTP connection (out of memory).");
    }
    Upload upload{prepared->message};
    CURL* handle = curl.get();
    curl_easy_setopt(handle, CURLOPT_URL, options_.smtp_url.c_str());
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(handle, CURLOPT_USE_SSL,
                     static_cast<long>(options_.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY));
    if (!options_.username.empty()) {
      curl_easy_setopt(handle, CURLOPT_USERNAME, options_.username.c_str());
      curl_easy_setopt(handle, CURLOPT_PASSWORD, options_.password.c_str());
    }
    curl_easy_setopt(handle, CURLOPT_MAIL_FROM, mail_from.c_str());
    curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(handle, CURLOPT_READFUNCTION, ReadUpload);
    curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
    curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(handle, CURLOPT_TIMEOUT, static_cast<long>(options_.timeout.count()));
    // Signals are process-wide; without this, timeouts would use SIGALRM across threads.
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    CURLcode code = curl_easy_perform(handle);
    long reply = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &reply);
    return StatusFromCurl(code, reply);
  }

 private:
  MailerOptions options_;
};

}  // namespace

bool IsPlausibleAddress(std::string_view address) {
  if (address.empty() || address.size() > 254) {
    return false;
  }
  for (char c : address) {
    auto byte = static_cast<unsigned char>(c);
    // Non-ASCII addresses need SMTPUTF8, which this mailer does not speak.
    if (byte <= 0x20 || byte >= 0x7f) {
      return false;
    }
    if (std::string_view("<>,;\"\\()[]:").find(c) != std::string_view::npos) {
      return false;
    }
  }
  std::size_t at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at > 64 ||
      address.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  std::string_view domain = address.substr(at + 1);
  std::size_t dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && domain.back() != '.' &&
         domain.find("..") == std::string_view::npos;
}

Result<std::string> FormatMessage(const Mail& mail, std::string_view from,
                                  std::string_view message_id, std::string_view date) {
  if (HasLineBreakOrNul(mail.to) || !IsPlausibleAddress(mail.to)) {
    return InvalidArgument("to", "The recipient is not a plausible e-mail address.");
  }
  if (HasLineBreakOrNul(mail.subject)) {
    return InvalidArgument("subject", "The subject must not contain line breaks.");
  }
  if (!IsUtf8(mail.subject)) {
    return InvalidArgument("subject", "The subject is not valid UTF-8.");
  }
  if (!IsUtf8(mail.text) || mail.text.find('\0') != std::string::npos) {
    return InvalidArgument("text", "The text is not valid UTF-8.");
  }
  if (!mail.language.empty() && !IsLanguageTag(mail.language)) {
    return InvalidArgument("language", "The language is not a BCP 47 tag such as \"nl\".");
  }
  if (message_id.empty() || !IsAsciiPrintable(message_id) ||
      message_id.find_first_of(" <>") != std::string_view::npos) {
    return InvalidArgument("message_id", "The Message-ID must be printable ASCII without spaces.");
  }
  if (date.empty() || !IsAsciiPrintable(date)) {
    return InvalidArgument("date", "The date must be one line of printable ASCII.");
  }
  auto sender = ParseSender(from);
  if (!sender.ok()) {
    return sender.error();
  }

  std::string message;
  message.reserve(mail.text.size() * 4 / 3 + 512);
  auto line = [&message](std::string_view text) {
    message += text;
    message += "\r\n";
  };
  line("Date: " + std::string(date));
  line(FromHeader(*sender));
  line("To: " + mail.to);
  line(UnstructuredHeader("Subject", mail.subject));
  line("Message-ID: <" + std::string(message_id) + ">");
  line("MIME-Version: 1.0");
  line("Content-Type: text/plain; charset=utf-8");
  line("Content-Transfer-Encoding: base64");
  if (!mail.language.empty()) {
    line("Content-Language: " + mail.language);
  }
  line("");
  message += Base64Body(mail.text);
  return message;
}

Result<std::unique_ptr<Mailer>> MakeMailer(const MailerOptions& options) {
  auto sender = ParseSender(options.from);
  if (!sender.ok()) {
    return sender.error();
  }
  if (options.timeout.count() <= 0) {
    return InvalidArgument("timeout", "The mail timeout must be at least one second.");
  }
  bool smtp = !options.smtp_url.empty();
  if (smtp == !options.folder.empty()) {
    return InvalidArgument("smtp_url",
                           "Set exactly one of smtp_url (to send mail) and folder (development).");
  }
  if (!smtp) {
    std::error_code error;
    if (fs::exists(options.folder, error) && !fs::is_directory(options.folder, error)) {
      return InvalidArgument("folder", "The mail folder path names a file, not a folder.");
    }
    fs::create_directories(options.folder, error);
    if (error) {
      return Unavailable("Could not create the mail folder: " + error.message() + ".");
    }
    return std::unique_ptr<Mailer>(std::make_unique<FolderMailer>(options.folder, options.from));
  }
  std::string_view url = options.smtp_url;
  std::size_t host = url.find("://");
  std::string_view scheme = url.substr(0, host);
  if (!IsAsciiPrintable(url) || url.find(' ') != std::string_view::npos ||
      host == std::string_view::npos || (scheme != "smtp" && scheme != "smtps") ||
      host + 3 == url.size()) {
    return InvalidArgument("smtp_url",
                           "The SMTP URL must look like smtp://host:587 or smtps://host:465.");
  }
  if (HasLineBreakOrNul(options.username) || HasLineBreakOrNul(options.password)) {
    return InvalidArgument("username", "The SMTP credentials must not contain line breaks.");
  }
  if (!CurlReady()) {
    return Internal("libcurl could not be initialised.");
  }
  return std::unique_ptr<Mailer>(std::make_unique<SmtpMailer>(options));
}

}  // namespace knooppunt::mail
