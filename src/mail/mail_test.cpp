// The mailer against a real SMTP sink: Debian's aiosmtpd, run by /usr/bin/python3 on 127.0.0.1
// with a port the sink picks itself, and killed when the test ends.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "mail/mailer.h"
#include "testing/testing.h"

extern char** environ;

namespace knooppunt::mail {
namespace {

namespace fs = std::filesystem;
using std::chrono::seconds;
using std::chrono::steady_clock;

// Upper bound for anything that should "eventually" happen; never a performance assertion.
constexpr seconds kPatience{10};

constexpr std::string_view kRecipient = "amina.haddad@example.org";
constexpr std::string_view kDutch = "Coördinatie van de voedselbank: wij zoeken vrijwilligers.";
constexpr std::string_view kArabic = "تنسيق بنك الطعام: نبحث عن متطوعين.";

// The sink: accepts every mail ("accept") and stores it as messages/<n>.eml with the envelope in
// messages/<n>.envelope, or refuses every recipient with 550 ("permanent") or 451
// ("temporary"). It counts connections in the file "connections", writes its port to "port"
// once it listens, and exits when its parent (this test) is gone.
constexpr std::string_view kSinkScript = R"(
import asyncio, os, sys
from aiosmtpd.smtp import SMTP

mode, folder = sys.argv[1], sys.argv[2]
messages = os.path.join(folder, "messages")
os.makedirs(messages, exist_ok=True)

def write_atomically(path, data):
    with open(path + ".tmp", "wb") as f:
        f.write(data)
    os.replace(path + ".tmp", path)

class Handler:
    count = 0
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if mode == "permanent":
            return "550 5.1.1 Mailbox unavailable"
        if mode == "temporary":
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"
    async def handle_DATA(self, server, session, envelope):
        Handler.count += 1
        base = os.path.join(messages, str(Handler.count))
        write_atomically(base + ".envelope", "\n".join([envelope.mail_from] + envelope.rcpt_tos).encode())
        write_atomically(base + ".eml", envelope.content)
        return "250 Message accepted"

class CountingSMTP(SMTP):
    connections = 0
    def connection_made(self, transport):
        CountingSMTP.connections += 1
        write_atomically(os.path.join(folder, "connections"), str(CountingSMTP.connections).encode())
        super().connection_made(transport)

async def main():
    handler = Handler()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: CountingSMTP(handler, hostname="localhost"), "127.0.0.1", 0)
    write_atomically(os.path.join(folder, "port"), str(server.sockets[0].getsockname()[1]).encode())
    parent = os.getppid()
    while os.getppid() == parent:
        await asyncio.sleep(0.5)

asyncio.run(main())
)";

// A running sink process; terminated and reaped on destruction.
class Sink {
 public:
  Sink(pid_t pid, fs::path folder, int port) : pid_(pid), folder_(std::move(folder)), port_(port) {}
  ~Sink() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;

  std::string Url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  fs::path Messages() const { return folder_ / "messages"; }
  // Connections accepted so far.
  int Connections() const {
    std::string text = testing::ReadFile(folder_ / "connections");
    return text.empty() ? 0 : std::stoi(text);
  }

 private:
  pid_t pid_;
  fs::path folder_;
  int port_;
};

// Starts a sink in `folder` and waits until it listens. Adds a test failure and returns null
// when it cannot start, e.g. when /usr/bin/python3 lacks aiosmtpd.
std::unique_ptr<Sink> StartSink(const fs::path& folder, std::string mode = "accept") {
  fs::path script = folder / "sink.py";
  fs::path log = folder / "sink.log";
  std::ofstream(script) << kSinkScript;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  std::string python = "/usr/bin/python3", script_arg = script.string(),
              folder_arg = folder.string();
  char* argv[] = {python.data(), script_arg.data(), mode.data(), folder_arg.data(), nullptr};
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, python.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    ADD_FAILURE() << "Could not run /usr/bin/python3: " << std::strerror(spawned);
    return nullptr;
  }
  auto deadline = steady_clock::now() + kPatience;
  while (steady_clock::now() < deadline) {
    if (std::string port = testing::ReadFile(folder / "port"); !port.empty()) {
      return std::make_unique<Sink>(pid, folder, std::stoi(port));
    }
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      std::string output = testing::ReadFile(log);
      if (output.find("No module named 'aiosmtpd'") != std::string::npos) {
        ADD_FAILURE() << "/usr/bin/python3 cannot import aiosmtpd: install the Debian package "
                         "python3-aiosmtpd (apt-get install python3-aiosmtpd).";
      } else {
        ADD_FAILURE() << "The SMTP sink exited before listening:\n" << output;
      }
      return nullptr;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);
  ADD_FAILURE() << "The SMTP sink did not start listening within " << kPatience.count() << " s:\n"
                << testing::ReadFile(log);
  return nullptr;
}

// A port on 127.0.0.1 that is bound but not listening, so connections to it are refused; held
// until destruction so no one else takes it.
class RefusingPort {
 public:
  RefusingPort() : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (bind(fd_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
        getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      ADD_FAILURE() << "Could not bind a port on 127.0.0.1: " << std::strerror(errno);
    }
    port_ = ntohs(address.sin_port);
  }
  ~RefusingPort() { close(fd_); }
  RefusingPort(const RefusingPort&) = delete;
  RefusingPort& operator=(const RefusingPort&) = delete;

  std::string Url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

 protected:
  int fd_;
  int port_ = 0;
};

// A port that accepts connections (the kernel completes them) but never says a word.
class SilentPort : public RefusingPort {
 public:
  SilentPort() { listen(fd_, 8); }
};

std::unique_ptr<Mailer> MakeSmtpMailer(const std::string& url, seconds timeout = seconds{10}) {
  auto mailer = MakeMailer({.smtp_url = url, .timeout = timeout});
  EXPECT_TRUE(mailer.ok()) << mailer.error().message;
  return mailer.ok() ? std::move(mailer.value()) : nullptr;
}

Mail DutchMail() {
  return Mail{.to = std::string(kRecipient),
              .subject = "Coördinatie",
              .text = std::string(kDutch) + "\nTot ziens!\n",
              .language = "nl"};
}

std::vector<fs::path> FilesIn(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ignored;
  for (const auto& entry : fs::directory_iterator(folder, ignored)) {
    files.push_back(entry.path());
  }
  return files;
}

std::vector<fs::path> EmlFilesIn(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& file : FilesIn(folder)) {
    if (file.extension() == ".eml") {
      files.push_back(file);
    }
  }
  return files;
}

// Decoded independently of the implementation: RFC 4648 base64, ignoring line breaks.
std::string DecodeBase64(std::string_view text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    int value;
    if (c >= 'A' && c <= 'Z') {
      value = c - 'A';
    } else if (c >= 'a' && c <= 'z') {
      value = c - 'a' + 26;
    } else if (c >= '0' && c <= '9') {
      value = c - '0' + 52;
    } else if (c == '+') {
      value = 62;
    } else if (c == '/') {
      value = 63;
    } else {
      continue;
    }
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

struct Message {
  std::map<std::string, std::string> headers;  // unfolded values, by name
  std::string body;                            // raw, as transferred
};

// Splits a message into unfolded headers and body; accepts CRLF or LF (the sink may store
// either).
Message Parse(std::string_view raw) {
  std::string text;
  for (char c : raw) {
    if (c != '\r') {
      text += c;
    }
  }
  Message message;
  std::size_t end = text.find("\n\n");
  std::string head = text.substr(0, end);
  message.body = end == std::string::npos ? "" : text.substr(end + 2);
  std::string name;
  std::size_t pos = 0;
  while (pos < head.size()) {
    std::size_t next = head.find('\n', pos);
    std::string line = head.substr(pos, next == std::string::npos ? next : next - pos);
    pos = next == std::string::npos ? head.size() : next + 1;
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      message.headers[name] += line;  // unfolding removes only the line break
    } else if (std::size_t colon = line.find(':'); colon != std::string::npos) {
      name = line.substr(0, colon);
      message.headers[name] = line.substr(colon + 2 <= line.size() ? colon + 2 : colon + 1);
    }
  }
  return message;
}

// An unstructured header value with RFC 2047 "=?UTF-8?B?...?=" words decoded; white space
// between adjacent encoded words is dropped, as RFC 2047 §6.2 says.
std::string DecodeHeader(std::string_view value) {
  std::string out;
  bool after_word = false;
  while (!value.empty()) {
    if (value.starts_with("=?UTF-8?B?")) {
      std::size_t end = value.find("?=", 10);
      out += DecodeBase64(value.substr(10, end - 10));
      value.remove_prefix(end + 2);
      after_word = true;
      continue;
    }
    std::size_t space_end = value.find_first_not_of(' ');
    if (after_word && space_end != std::string_view::npos &&
        value.substr(space_end).starts_with("=?UTF-8?B?")) {
      value.remove_prefix(space_end);
      continue;
    }
    out += value.front();
    value.remove_prefix(1);
    after_word = false;
  }
  return out;
}

std::string WithCrlf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += '\r';
    }
    out += c;
  }
  return out;
}

std::vector<std::string> Lines(std::string_view message) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < message.size()) {
    std::size_t end = message.find("\r\n", pos);
    if (end == std::string_view::npos) {
      end = message.size();
    }
    lines.emplace_back(message.substr(pos, end - pos));
    pos = end + 2;
  }
  return lines;
}

TEST(SmtpMailer, SinkReceivesMailWithHeadersAndUtf8Body) {
  testing::TempDir dir;
  auto sink = StartSink(dir.path());
  ASSERT_NE(sink, nullptr);
  auto mailer = MakeSmtpMailer(sink->Url());
  ASSERT_NE(mailer, nullptr);
  std::string arabic_text = std::string(kArabic) + "\n" + std::string(kDutch) + "\n";

  Status sent = mailer->Send({.to = std::string(kRecipient),
                              .subject = "Nieuwe aanmelding",
                              .text = arabic_text,
                              .language = "ar"});

  ASSERT_TRUE(sent.ok()) << sent.error().message;
  ASSERT_EQ(EmlFilesIn(sink->Messages()).size(), 1u);
  EXPECT_EQ(testing::ReadFile(sink->Messages() / "1.envelope"),
            "noreply@knooppunt.example\n" + std::string(kRecipient));
  Message message = Parse(testing::ReadFile(sink->Messages() / "1.eml"));
  EXPECT_EQ(message.headers["From"], "Knooppunt <noreply@knooppunt.example>");
  EXPECT_EQ(message.headers["To"], kRecipient);
  EXPECT_EQ(message.headers["Subject"], "Nieuwe aanmelding");
  EXPECT_EQ(message.headers["MIME-Version"], "1.0");
  EXPECT_EQ(message.headers["Content-Type"], "text/plain; charset=utf-8");
  EXPECT_EQ(message.headers["Content-Transfer-Encoding"], "base64");
  EXPECT_EQ(message.headers["Content-Language"], "ar");
  EXPECT_TRUE(message.headers["Message-ID"].starts_with("<"));
  EXPECT_TRUE(message.headers["Message-ID"].ends_with("@knooppunt.example>"));
  EXPECT_EQ(message.headers["Date"].size(), std::string("Tue, 21 Nov 2026 09:30:00 +0000").size())
      << message.headers["Date"];
  EXPECT_EQ(DecodeBase64(message.body), WithCrlf(arabic_text));
}

TEST(SmtpMailer, DutchTextDecodesBackToUtf8) {
  testing::TempDir dir;
  auto sink = StartSink(dir.path());
  ASSERT_NE(sink, nullptr);
  auto mailer = MakeSmtpMailer(sink->Url());
  ASSERT_NE(mailer, nullptr);

  Status sent = mailer->Send(DutchMail());

  ASSERT_TRUE(sent.ok()) << sent.error().message;
  Message message = Parse(testing::ReadFile(sink->Messages() / "1.eml"));
  EXPECT_EQ(DecodeBase64(message.body), WithCrlf(DutchMail().text));
  EXPECT_EQ(message.headers["Content-Language"], "nl");
}

TEST(SmtpMailer, NonAsciiSubjectIsEncodedAndDecodesBack) {
  testing::TempDir dir;
  auto sink = StartSink(dir.path());
  ASSERT_NE(sink, nullptr);
  auto mailer = MakeSmtpMailer(sink->Url());
  ASSERT_NE(mailer, nullptr);
  Mail mail = DutchMail();
  mail.subject = std::string(kArabic) + " — " + std::string(kDutch);

  Status sent = mailer->Send(mail);

  ASSERT_TRUE(sent.ok()) << sent.error().message;
  std::string raw = testing::ReadFile(sink->Messages() / "1.eml");
  std::string head = raw.substr(0, raw.find("\r\n\r\n"));
  EXPECT_TRUE(std::all_of(head.begin(), head.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  })) << "headers must be 7-bit ASCII";
  Message message = Parse(raw);
  EXPECT_TRUE(message.headers["Subject"].starts_with("=?UTF-8?B?"));
  EXPECT_EQ(DecodeHeader(message.headers["Subject"]), mail.subject);
}

TEST(SmtpMailer, LineBreakInSubjectIsRefusedAndNothingSent) {
  testing::TempDir dir;
  auto sink = StartSink(dir.path());
  ASSERT_NE(sink, nullptr);
  auto mailer = MakeSmtpMailer(sink->Url());
  ASSERT_NE(mailer, nullptr);

  for (const std::string& subject :
       std::vector<std::string>{"Hallo\r\nBcc: victim@example.org", "Hallo\nBcc: x@example.org",
                                "Hallo\rBcc: x@example.org", std::string("Hallo\0x", 7)}) {
    Mail mail = DutchMail();
    mail.subject = subject;
    Status sent = mailer->Send(mail);
    ASSERT_FALSE(sent.ok());
    EXPECT_EQ(sent.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(sent.error().field, "subject");
  }
  EXPECT_EQ(sink->Connections(), 0);
  EXPECT_TRUE(EmlFilesIn(sink->Messages()).empty());
}

TEST(SmtpMailer, LineBreakInRecipientIsRefusedAndNothingSent) {
  testing::TempDir dir;
  auto sink = StartSink(dir.path());
  ASSERT_NE(sink, nullptr);
  auto mailer = MakeSmtpMailer(sink->Url());
  ASSERT_NE(mailer, nullptr);

  for (const std::string& to :
       std::vector<std::string>{"a@example.org\r\nBcc: victim@example.org", "a@example.org\n",
                                "a@example.org\r", std::string("a@example.org\0", 14)}) {
    Mail mail = DutchMail();
    mail.to = to;
    Status sent = mailer->Send(mail);
    ASSERT_FALSE(sent.ok());
    EXPECT_EQ(sent.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(sent.error().field, "to");
  }
  EXPECT_EQ(sink->Connections(), 0);
  EXPECT_TRUE(EmlFilesIn(sink->Messages()).empty());
}

TEST(SmtpMailer, NothingListeningIsUnavailableQuickly) {
  RefusingPort port;
  auto mailer = MakeSmtpMailer(port.Url(), seconds{2});
  ASSERT_NE(mailer, nullptr);
  auto start = steady_clock::now();

  Status sent = mailer->Send(DutchMail());

  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, ErrorCode::kUnavailable);
  EXPECT_LT(steady_clock::now() - start, seconds{2});
}

TEST(SmtpMailer, SilentServerTimesOutAsUnavailable) {
  SilentPort port;
  auto mailer = MakeSmtpMailer(port.Url(), seconds{1});
  ASSERT_NE(mailer, nullptr);
  auto start = steady_clock::now();

  Status sent = mailer->Send(DutchMail());

  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, ErrorCode::kUnavailable);
  EXPECT_LT(steady_clock::now() - start, kPatience);
}

TEST(SmtpMailer, PermanentRefusalIsInvalidArgument) {
  testing::TempDir dir;
  auto sink = StartSink(dir.path(), "permanent");
  ASSERT_NE(sink, nullptr);
  auto mailer = MakeSmtpMailer(sink->Url());
  ASSERT_NE(mailer, nullptr);

  Status sent = mailer->Send(DutchMail());

  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(sent.error().message.find("550"), std::string::npos) << sent.error().message;
  EXPECT_TRUE(EmlFilesIn(sink->Messages()).empty());
}

TEST(SmtpMailer, TemporaryRefusalIsUnavailable) {
  testing::TempDir dir;
  auto sink = StartSink(dir.path(), "temporary");
  ASSERT_NE(sink, nullptr);
  auto mailer = MakeSmtpMailer(sink->Url());
  ASSERT_NE(mailer, nullptr);

  Status sent = mailer->Send(DutchMail());

  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(sent.error().message.find("451"), std::string::npos) << sent.error().message;
}

TEST(SmtpMailer, ErrorMessagesDoNotContainTheRecipient) {
  testing::TempDir permanent_dir, temporary_dir;
  auto permanent = StartSink(permanent_dir.path(), "permanent");
  auto temporary = StartSink(temporary_dir.path(), "temporary");
  ASSERT_NE(permanent, nullptr);
  ASSERT_NE(temporary, nullptr);
  RefusingPort refusing;
  Mail bad_subject = DutchMail();
  bad_subject.subject = "a\nb";
  Mail bad_recipient = DutchMail();
  bad_recipient.to = std::string(kRecipient) + "\r\n";

  std::vector<Error> errors;
  for (const std::string& url : {permanent->Url(), temporary->Url(), refusing.Url()}) {
    auto mailer = MakeSmtpMailer(url, seconds{2});
    ASSERT_NE(mailer, nullptr);
    for (const Mail& mail : {DutchMail(), bad_subject, bad_recipient}) {
      Status sent = mailer->Send(mail);
      ASSERT_FALSE(sent.ok());
      errors.push_back(sent.error());
    }
  }
  for (const Error& error : errors) {
    EXPECT_EQ(error.message.find("amina"), std::string::npos) << error.message;
    EXPECT_EQ(error.message.find("example.org"), std::string::npos) << error.message;
  }
}

TEST(SmtpMailer, SendsFromSeveralThreadsAtOnce) {
  testing::TempDir dir;
  auto sink = StartSink(dir.path());
  ASSERT_NE(sink, nullptr);
  auto mailer = MakeSmtpMailer(sink->Url());
  ASSERT_NE(mailer, nullptr);
  constexpr int kThreads = 4, kMailsEach = 3;
  std::vector<std::thread> threads;
  std::vector<int> failures(kThreads, 0);

  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kMailsEach; ++i) {
        if (!mailer->Send(DutchMail()).ok()) {
          ++failures[t];
        }
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }

  EXPECT_EQ(failures, std::vector<int>(kThreads, 0));
  EXPECT_EQ(EmlFilesIn(sink->Messages()).size(), static_cast<std::size_t>(kThreads * kMailsEach));
}

TEST(FolderMailer, WritesExactlyOneEmlFileWithTheFormattedMessage) {
  testing::TempDir dir;
  fs::path folder = dir.path() / "outbox" / "mail";
  auto mailer = MakeMailer({.folder = folder.string()});
  ASSERT_TRUE(mailer.ok()) << mailer.error().message;
  ASSERT_TRUE(fs::is_directory(folder));

  Status sent = (*mailer)->Send(DutchMail());

  ASSERT_TRUE(sent.ok()) << sent.error().message;
  std::vector<fs::path> files = FilesIn(folder);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].extension(), ".eml");
  std::string raw = testing::ReadFile(files[0]);
  EXPECT_TRUE(raw.starts_with("Date: ")) << raw;
  EXPECT_EQ(raw.find('\n'), raw.find("\r\n") + 1) << "CRLF line endings";
  Message message = Parse(raw);
  EXPECT_EQ(message.headers["To"], kRecipient);
  EXPECT_EQ(DecodeHeader(message.headers["Subject"]), "Coördinatie");
  EXPECT_EQ(DecodeBase64(message.body), WithCrlf(DutchMail().text));
}

TEST(FolderMailer, RefusesHeaderInjectionWithoutWriting) {
  testing::TempDir dir;
  auto mailer = MakeMailer({.folder = dir.path().string()});
  ASSERT_TRUE(mailer.ok()) << mailer.error().message;
  Mail mail = DutchMail();
  mail.subject = "Hallo\r\nBcc: victim@example.org";

  Status sent = (*mailer)->Send(mail);

  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(FilesIn(dir.path()).empty());
}

TEST(MakeMailer, RefusesInconsistentOptions) {
  testing::TempDir dir;
  std::string folder = dir.path().string();
  std::vector<MailerOptions> bad = {
      {},
      {.smtp_url = "smtp://127.0.0.1:25", .folder = folder},
      {.smtp_url = "http://127.0.0.1:25"},
      {.smtp_url = "smtp://"},
      {.smtp_url = "smtp://127.0.0.1:25\r\nX"},
      {.from = "Knooppunt <noreply>", .folder = folder},
      {.from = "Knooppunt\r\nBcc: x@example.org <noreply@knooppunt.example>", .folder = folder},
      {.from = "noreply@knooppunt.example\n", .folder = folder},
      {.folder = folder, .timeout = seconds{0}},
  };
  std::ofstream(dir.path() / "file") << "not a folder";
  bad.push_back({.folder = (dir.path() / "file").string()});
  for (const MailerOptions& options : bad) {
    auto mailer = MakeMailer(options);
    ASSERT_FALSE(mailer.ok()) << options.smtp_url << " " << options.from;
    EXPECT_EQ(mailer.error().code, ErrorCode::kInvalidArgument) << mailer.error().message;
  }
}

TEST(MakeMailer, AcceptsSmtpAndSmtpsUrlsWithoutConnecting) {
  EXPECT_TRUE(MakeMailer({.smtp_url = "smtp://mail.example.org:587"}).ok());
  EXPECT_TRUE(MakeMailer({.smtp_url = "smtp://m"}).ok());
  EXPECT_TRUE(MakeMailer({.smtp_url = "smtps://mail.example.org:465", .require_tls = true}).ok());
  EXPECT_TRUE(
      MakeMailer({.from = "noreply@knooppunt.example", .smtp_url = "smtp://localhost"}).ok());
}

constexpr std::string_view kFrom = "Knooppunt <noreply@knooppunt.example>";
constexpr std::string_view kId = "3f1c2a9e-8d4b-4c1e-9a7f-0b6d5e4c3a21@knooppunt.example";
constexpr std::string_view kDate = "Sat, 21 Nov 2026 09:30:00 +0000";

TEST(FormatMessage, LinesAreAtMost78CharactersWithCrlfOnly) {
  std::string long_ascii;
  for (int i = 0; i < 30; ++i) {
    long_ascii += "vrijwilliger ";
  }
  for (const std::string& subject :
       std::vector<std::string>{std::string(kArabic) + std::string(kArabic) + std::string(kArabic),
                                std::string(kDutch) + " " + std::string(kDutch), long_ascii,
                                std::string(200, 'x'), "Coördinatie"}) {
    Mail mail = DutchMail();
    mail.subject = subject;
    mail.text = std::string(kArabic) + "\n" + std::string(kDutch) + "\r\n" + std::string(500, 'y');
    auto message = FormatMessage(mail, kFrom, kId, kDate);
    ASSERT_TRUE(message.ok()) << message.error().message;

    for (std::size_t i = 0; i < message->size(); ++i) {
      if ((*message)[i] == '\n') {
        ASSERT_TRUE(i > 0 && (*message)[i - 1] == '\r') << "bare LF at " << i;
      }
      if ((*message)[i] == '\r') {
        ASSERT_EQ((*message)[i + 1], '\n') << "bare CR at " << i;
      }
    }
    EXPECT_TRUE(message->ends_with("\r\n"));
    for (const std::string& line : Lines(*message)) {
      EXPECT_LE(line.size(), 78u) << line;
    }
    EXPECT_EQ(DecodeHeader(Parse(*message).headers["Subject"]), subject);
  }
}

TEST(FormatMessage, WritesHeadersInOrderAndBodyInBase64LinesOf76) {
  Mail mail = DutchMail();
  mail.text = std::string(300, 'a');

  auto message = FormatMessage(mail, kFrom, kId, kDate);

  ASSERT_TRUE(message.ok()) << message.error().message;
  std::vector<std::string> lines = Lines(*message);
  ASSERT_GE(lines.size(), 11u);
  EXPECT_EQ(lines[0], "Date: " + std::string(kDate));
  EXPECT_EQ(lines[1], "From: " + std::string(kFrom));
  EXPECT_EQ(lines[2], "To: " + std::string(kRecipient));
  EXPECT_EQ(lines[3], "Subject: =?UTF-8?B?Q2/DtnJkaW5hdGll?=");
  EXPECT_EQ(lines[4], "Message-ID: <" + std::string(kId) + ">");
  EXPECT_EQ(lines[5], "MIME-Version: 1.0");
  EXPECT_EQ(lines[6], "Content-Type: text/plain; charset=utf-8");
  EXPECT_EQ(lines[7], "Content-Transfer-Encoding: base64");
  EXPECT_EQ(lines[8], "Content-Language: nl");
  EXPECT_EQ(lines[9], "");
  EXPECT_EQ(lines[10].size(), 76u);
  EXPECT_EQ(DecodeBase64(Parse(*message).body), mail.text);
}

TEST(FormatMessage, KeepsPlainAsciiSubjectReadable) {
  Mail mail = DutchMail();
  mail.subject = "Welkom bij Knooppunt";

  auto message = FormatMessage(mail, kFrom, kId, kDate);

  ASSERT_TRUE(message.ok());
  EXPECT_NE(message->find("\r\nSubject: Welkom bij Knooppunt\r\n"), std::string::npos);
}

TEST(FormatMessage, EncodesNonAsciiSenderName) {
  auto message =
      FormatMessage(DutchMail(), "Buurthuis Coördinatie <noreply@knooppunt.example>", kId, kDate);

  ASSERT_TRUE(message.ok()) << message.error().message;
  std::string from = Parse(*message).headers["From"];
  EXPECT_EQ(DecodeHeader(from), "Buurthuis Coördinatie <noreply@knooppunt.example>") << from;
}

TEST(FormatMessage, RefusesHeaderInjectionInEveryHeader) {
  std::string_view cr("\r"), lf("\n"), nul("\0", 1);
  for (std::string_view breaker : {cr, lf, nul}) {
    Mail to = DutchMail(), subject = DutchMail();
    to.to += std::string(breaker) + "Bcc: x@example.org";
    subject.subject += std::string(breaker) + "Bcc: x@example.org";
    std::string from = std::string(kFrom) + std::string(breaker) + "Bcc: x@example.org";

    auto for_to = FormatMessage(to, kFrom, kId, kDate);
    auto for_subject = FormatMessage(subject, kFrom, kId, kDate);
    auto for_from = FormatMessage(DutchMail(), from, kId, kDate);
    auto for_id = FormatMessage(DutchMail(), kFrom, std::string(kId) + std::string(breaker), kDate);
    auto for_date =
        FormatMessage(DutchMail(), kFrom, kId, std::string(kDate) + std::string(breaker));

    ASSERT_FALSE(for_to.ok());
    EXPECT_EQ(for_to.error().field, "to");
    ASSERT_FALSE(for_subject.ok());
    EXPECT_EQ(for_subject.error().field, "subject");
    ASSERT_FALSE(for_from.ok());
    EXPECT_EQ(for_from.error().field, "from");
    ASSERT_FALSE(for_id.ok());
    EXPECT_EQ(for_id.error().field, "message_id");
    ASSERT_FALSE(for_date.ok());
    EXPECT_EQ(for_date.error().field, "date");
    for (const auto* result : {&for_to, &for_subject, &for_from, &for_id, &for_date}) {
      EXPECT_EQ(result->error().code, ErrorCode::kInvalidArgument);
    }
  }
}

TEST(FormatMessage, RefusesInvalidUtf8AndMalformedLanguage) {
  Mail subject = DutchMail(), text = DutchMail(), language = DutchMail();
  subject.subject = "Co\xf6rdinatie";  // Latin-1, not UTF-8
  text.text = "\xc3";
  language.language = "nl; x=y";

  auto for_subject = FormatMessage(subject, kFrom, kId, kDate);
  auto for_text = FormatMessage(text, kFrom, kId, kDate);
  auto for_language = FormatMessage(language, kFrom, kId, kDate);

  ASSERT_FALSE(for_subject.ok());
  EXPECT_EQ(for_subject.error().field, "subject");
  ASSERT_FALSE(for_text.ok());
  EXPECT_EQ(for_text.error().field, "text");
  ASSERT_FALSE(for_language.ok());
  EXPECT_EQ(for_language.error().field, "language");
}

TEST(FormatMessage, AcceptsRegionalLanguageTagsAndOmitsAnEmptyOne) {
  Mail regional = DutchMail(), none = DutchMail();
  regional.language = "nl-BE";
  none.language = "";

  auto with_region = FormatMessage(regional, kFrom, kId, kDate);
  auto without = FormatMessage(none, kFrom, kId, kDate);

  ASSERT_TRUE(with_region.ok());
  EXPECT_NE(with_region->find("\r\nContent-Language: nl-BE\r\n"), std::string::npos);
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(without->find("Content-Language"), std::string::npos);
}

TEST(IsPlausibleAddress, AcceptsOrdinaryAddresses) {
  EXPECT_TRUE(IsPlausibleAddress("amina@example.org"));
  EXPECT_TRUE(IsPlausibleAddress("j.de.vries+buurt@mail.gemeente.nl"));
  EXPECT_TRUE(IsPlausibleAddress("o'brien@example.co.uk"));
  EXPECT_TRUE(IsPlausibleAddress(std::string(64, 'a') + "@" + std::string(185, 'b') + ".org"));
}

TEST(IsPlausibleAddress, RefusesMalformedAddresses) {
  for (const std::string& address : std::vector<std::string>{
           "", "amina", "amina@", "@example.org", "amina@localhost", "amina@example.", "amina@.org",
           "amina@example..org", "a@b@example.org", "amina @example.org", "amina@example.org\r\n",
           "amina@exa\nmple.org", "<amina@example.org>", "amina@example.org,b@example.org",
           "amina@example.org;b@example.org", "amïna@example.org",
           std::string("a\0@example.org", 14), std::string(65, 'a') + "@example.org",
           std::string(64, 'a') + "@" + std::string(186, 'b') + ".org"}) {
    EXPECT_FALSE(IsPlausibleAddress(address)) << address;
  }
}

}  // namespace
}  // namespace knooppunt::mail
