// Formats one e-mail as an RFC 5322 message and delivers it over SMTP (libcurl), or writes it
// into a folder during development. Queueing and retries live in the outbox, above this layer.
// Thread-safety: the free functions are pure; Mailer::Send may be called from any number of
// threads at once (each call uses its own connection).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "domain/result.h"

namespace knooppunt::mail {

struct Mail {
  std::string to;        // one bare address, "name@example.org"
  std::string subject;   // UTF-8, one line
  std::string text;      // UTF-8 plain text body; "\n" or "\r\n" line breaks, sent as CRLF
  std::string language;  // BCP 47 code of the text, e.g. "nl", "ar" → Content-Language
};

struct MailerOptions {
  // The From header; the bare address inside <...> (or the whole value) is also the envelope
  // sender (MAIL FROM).
  std::string from = "Knooppunt <noreply@knooppunt.example>";
  // "smtp://host:587" (STARTTLS when the server offers it) or "smtps://host:465" (TLS from the
  // start). Empty: folder mode.
  std::string smtp_url = "";
  // Refuse to send unless the connection is encrypted (STARTTLS or smtps). Set it whenever a
  // password is configured, or the password may cross the network in the clear.
  bool require_tls = false;
  // SMTP AUTH credentials; no authentication when username is empty.
  std::string username = "";
  std::string password = "";
  // Development mode, used when smtp_url is empty: each mail is written to this folder as
  // "<timestamp>-<random>.eml" instead of being sent.
  std::string folder = "";
  // Upper bound for one whole Send over SMTP (connect, dialogue and upload).
  std::chrono::seconds timeout{20};
};

class Mailer {
 public:
  virtual ~Mailer() = default;

  // Success: the mail was accepted by the SMTP server (or written to the folder).
  // kUnavailable: a temporary failure worth retrying later (server down, timeout, 4xx reply,
  // TLS not available, disk full). kInvalidArgument: a permanent one (a malformed address or
  // header, a 5xx reply, credentials refused). Error messages never contain the recipient.
  virtual Status Send(const Mail& mail) = 0;
};

// A mailer for options.smtp_url, or for options.folder when smtp_url is empty; folder mode
// creates the folder. Fails with kInvalidArgument when the options are inconsistent (neither or
// both of smtp_url and folder, an unknown URL scheme, an implausible from address, a timeout that
// is not positive, a folder path that names a file), and with kUnavailable when the folder cannot
// be created. Never connects to the server.
Result<std::unique_ptr<Mailer>> MakeMailer(const MailerOptions& options);

// The RFC 5322 message as sent, with CRLF line endings: Date, From, To, Subject (an RFC 2047
// base64 UTF-8 encoded-word when not plain ASCII, folded so no line exceeds 78 characters),
// Message-ID, MIME-Version, Content-Type text/plain; charset=utf-8, Content-Transfer-Encoding
// base64 (lines of 76) and Content-Language (omitted when mail.language is empty). Only an
// address too long for one line can make the From or To line exceed 78 characters.
// `message_id` is written inside <...>; `date` as given (RFC 5322 date-time).
// Fails with kInvalidArgument (field "to", "subject", "from", "text", "language", "message_id" or
// "date") when a value holds CR, LF or NUL, the subject or text is not UTF-8, an address is
// implausible or the language is not a BCP 47-shaped tag.
Result<std::string> FormatMessage(const Mail& mail, std::string_view from,
                                  std::string_view message_id, std::string_view date);

// True for "local@domain": one '@', a local part of 1 to 64 bytes, a domain with a dot inside
// it, at most 254 bytes, printable ASCII only (no SMTPUTF8), and no spaces, control characters
// or any of < > , ; : " \ ( ) [ ]. A plausibility check, not RFC 5321 validation.
bool IsPlausibleAddress(std::string_view address);

}  // namespace knooppunt::mail
