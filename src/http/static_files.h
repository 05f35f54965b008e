// Serves the files under one folder (CSS, JS, images, fonts) from memory, with strong ETags,
// precompressed gzip variants and long-lived caching headers.
// Thread-safety: immutable after Create(); Serve() may be called from any number of threads.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.h"
#include "http/router.h"

namespace knooppunt::http {

class StaticFiles {
 public:
  // Reads every regular file under `root` whose type is known (see Serve) into memory.
  // Dotfiles, dot-folders and symbolic links are skipped, so nothing outside `root` is read.
  // Failure: kNotFound when `root` is not a folder, kUnavailable when a file cannot be read,
  // kInvalidArgument when compression fails.
  static Result<std::unique_ptr<StaticFiles>> Create(std::filesystem::path root);

  // Success: 200 with the file (gzip when the client accepts it and the type compresses),
  // or 304 when If-None-Match names its ETag. `relative_path` is decoded and relative to root
  // ("css/site.css"). Failure: 404 as JSON for an unknown file, a dotfile, or a path with
  // "..", ".", an empty segment, a backslash, a NUL or a leading "/".
  // Types: html css js mjs json svg png jpg jpeg gif webp ico woff woff2 txt xml map.
  Response Serve(const RequestContext& context, std::string_view relative_path) const;

 private:
  struct File {
    std::string content_type;
    std::string body;
    std::string etag;       // strong, quoted: "<hash>-<size>"
    std::string gzip_body;  // empty when the type does not compress or gzip is not smaller
    std::string gzip_etag;  // the gzip representation has its own strong ETag
  };

  StaticFiles() = default;

  std::map<std::string, File, std::less<>> files_;  // key: relative path with '/' separators
};

// The content in gzip format (RFC 1952) at zlib `level` (1 fast … 9 small). Failure: nullopt.
std::optional<std::string> Gzip(std::string_view content, int level);

// Accept-Encoding (RFC 9110 §12.5.3): gzip is acceptable when listed (or covered by "*") with a
// q-value above zero.
bool AcceptsGzip(std::string_view accept_encoding);

}  // namespace knooppunt::http
