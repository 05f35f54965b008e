// In-memory static files with ETags and gzip variants (see static_files.h).
// Thread-safety: files_ is written only in Create(); afterwards everything is read-only.
#include "http/static_files.h"

#include <zlib.h>

#include <boost/beast/http/field.hpp>
#include <cctype>
#include <charconv>
#include <climits>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <optional>
#include <system_error>
#include <utility>

namespace knooppunt::http {

namespace beast_http = boost::beast::http;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kCacheControl = "public, max-age=3600";

struct FileType {
  std::string_view content_type;
  bool compressible;
};

// By lower-case extension; files of other types are not served.
std::optional<FileType> TypeFor(std::string extension) {
  for (char& c : extension) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  static const std::map<std::string, FileType, std::less<>> kTypes = {
      {".html", {"text/html; charset=utf-8", true}},
      {".css", {"text/css; charset=utf-8", true}},
      {".js", {"text/javascript; charset=utf-8", true}},
      {".mjs", {"text/javascript; charset=utf-8", true}},
      {".json", {"application/json", true}},
      {".map", {"application/json", true}},
      {".svg", {"image/svg+xml", true}},
      {".txt", {"text/plain; charset=utf-8", true}},
      {".xml", {"application/xml", true}},
      {".ico", {"image/x-icon", true}},
      {".png", {"image/png", false}},
      {".jpg", {"image/jpeg", false}},
      {".jpeg", {"image/jpeg", false}},
      {".gif", {"image/gif", false}},
      {".webp", {"image/webp", false}},
      {".woff", {"font/woff", false}},
      {".woff2", {"font/woff2", false}},
  };
  const auto found = kTypes.find(extension);
  if (found == kTypes.end()) {
    return std::nullopt;
  }
  return found->second;
}

// A strong ETag from the content: 64-bit FNV-1a and the length, quoted.
std::string EtagFor(std::string_view content, std::string_view suffix) {
  uint64_t hash = 14695981039346656037ull;
  for (const char c : content) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  char buffer[64];
  char* end = std::to_chars(buffer, buffer + 32, hash, 16).ptr;
  *end++ = '-';
  end = std::to_chars(end, buffer + sizeof buffer, content.size(), 16).ptr;
  return "\"" + std::string(buffer, end) + std::string(suffix) + "\"";
}

// Only plain relative paths whose segments are non-empty and do not start with a dot.
bool IsSafeRelativePath(std::string_view path) {
  if (path.empty() || path.front() == '/') {
    return false;
  }
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) {
    return false;
  }
  for (;;) {
    const size_t slash = path.find('/');
    const std::string_view segment = path.substr(0, slash);
    if (segment.empty() || segment.front() == '.') {
      return false;
    }
    if (slash == std::string_view::npos) {
      return true;
    }
    path.remove_prefix(slash + 1);
  }
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// Calls `visit` with each trimmed, non-empty element of a comma-separated header value.
template <typename Visit>
void ForEachElement(std::string_view header, Visit visit) {
  for (;;) {
    const size_t comma = header.find(',');
    const std::string_view element = Trim(header.substr(0, comma));
    if (!element.empty()) {
      visit(element);
    }
    if (comma == std::string_view::npos) {
      return;
    }
    header.remove_prefix(comma + 1);
  }
}

// If-None-Match (RFC 9110 §13.1.2) uses weak comparison: a "W/" prefix is ignored.
bool NoneMatchHits(std::string_view header, std::string_view etag) {
  bool hit = false;
  ForEachElement(header, [&](std::string_view element) {
    if (element.starts_with("W/")) {
      element.remove_prefix(2);
    }
    if (element == "*" || element == etag) {
      hit = true;
    }
  });
  return hit;
}

}  // namespace

std::optional<std::string> Gzip(std::string_view content, int level) {
  if (content.size() > UINT_MAX / 2) {
    return std::nullopt;
  }
  z_stream stream{};
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return std::nullopt;
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(content.size())) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(content.data()));
  stream.avail_in = static_cast<uInt>(content.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) {
    return std::nullopt;
  }
  return out;
}

bool AcceptsGzip(std::string_view header) {
  double gzip_q = -1;
  double any_q = -1;
  ForEachElement(header, [&](std::string_view element) {
    const size_t semicolon = element.find(';');
    const std::string_view coding = Trim(element.substr(0, semicolon));
    double q = 1;
    if (semicolon != std::string_view::npos) {
      std::string_view params = element.substr(semicolon + 1);
      const size_t at = params.find("q=");
      if (at != std::string_view::npos) {
        params = Trim(params.substr(at + 2));
        if (std::from_chars(params.data(), params.data() + params.size(), q).ec != std::errc()) {
          q = 0;
        }
      }
    }
    if (EqualsIgnoreCase(coding, "gzip") || EqualsIgnoreCase(coding, "x-gzip")) {
      gzip_q = q;
    }
    if (coding == "*") {
      any_q = q;
    }
  });
  return gzip_q >= 0 ? gzip_q > 0 : any_q > 0;
}

Result<std::unique_ptr<StaticFiles>> StaticFiles::Create(fs::path root) {
  std::error_code error;
  if (!fs::is_directory(root, error)) {
    return NotFound("The static files folder " + root.string() + " does not exist.");
  }
  auto files = std::unique_ptr<StaticFiles>(new StaticFiles());
  fs::recursive_directory_iterator it(root, fs::directory_options::none, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    const fs::directory_entry& entry = *it;
    const std::string name = entry.path().filename().string();
    if (name.starts_with('.')) {
      if (entry.is_directory(error)) {
        it.disable_recursion_pending();
      }
      continue;
    }
    if (entry.is_symlink(error) || !entry.is_regular_file(error)) {
      continue;
    }
    const std::optional<FileType> type = TypeFor(entry.path().extension().string());
    if (!type) {
      continue;
    }

    std::ifstream in(entry.path(), std::ios::binary);
    std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad() || !in.is_open()) {
      return Unavailable("Cannot read the static file " + entry.path().string() + ".");
    }
    File file{std::string(type->content_type), std::move(body), {}, {}, {}};
    file.etag = EtagFor(file.body, "");
    if (type->compressible) {
      std::optional<std::string> gzip = Gzip(file.body, Z_BEST_COMPRESSION);
      if (!gzip) {
        return Error{ErrorCode::kInvalidArgument,
                     "Cannot compress the static file " + entry.path().string() + ".",
                     {}};
      }
      if (gzip->size() < file.body.size()) {
        file.gzip_etag = EtagFor(file.body, "-gzip");
        file.gzip_body = std::move(*gzip);
      }
    }
    files->files_.emplace(entry.path().lexically_relative(root).generic_string(), std::move(file));
  }
  if (error) {
    return Unavailable("Cannot list the static files folder " + root.string() + ": " +
                       error.message());
  }
  return files;
}

Response StaticFiles::Serve(const RequestContext& context, std::string_view relative_path) const {
  const Request& request = context.request;
  const auto found = IsSafeRelativePath(relative_path) ? files_.find(relative_path) : files_.end();
  if (found == files_.end()) {
    return JsonError(request, NotFound("There is no file at this address."));
  }
  const File& file = found->second;
  const bool gzip =
      !file.gzip_body.empty() && AcceptsGzip(request[beast_http::field::accept_encoding]);
  const std::string& etag = gzip ? file.gzip_etag : file.etag;

  Response response;
  if (NoneMatchHits(request[beast_http::field::if_none_match], etag)) {
    response = MakeResponse(request, 304, "", "");
    response.message.erase(beast_http::field::content_type);
  } else {
    response = MakeResponse(request, 200, file.content_type, gzip ? file.gzip_body : file.body);
    if (gzip) {
      response.message.set(beast_http::field::content_encoding, "gzip");
    }
  }
  response.message.set(beast_http::field::etag, etag);
  response.message.set(beast_http::field::cache_control, kCacheControl);
  if (!file.gzip_body.empty()) {
    response.message.set(beast_http::field::vary, "Accept-Encoding");
  }
  return response;
}

}  // namespace knooppunt::http
