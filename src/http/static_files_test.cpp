#include "http/static_files.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "testing/testing.h"

namespace knooppunt::http {
namespace {

namespace beast_http = boost::beast::http;
namespace fs = std::filesystem;

void WriteFile(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

// The original bytes of a gzip stream, or "<corrupt>".
std::string Gunzip(const std::string& compressed) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 16) != Z_OK) {
    return "<corrupt>";
  }
  std::string out;
  char buffer[4096];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  inflateEnd(&stream);
  return status == Z_STREAM_END ? out : "<corrupt>";
}

const std::string kHtml = [] {
  std::string html = "<!doctype html><title>Knooppunt</title>";
  for (int i = 0; i < 200; ++i) {
    html += "<p>Hulp in je eigen taal, dichtbij.</p>\n";
  }
  return html;
}();

// A static folder with one file per type, dotfiles, an unknown type, and a link pointing out.
struct Fixture {
  Fixture() {
    const fs::path root = dir.path() / "static";
    WriteFile(root / "index.html", kHtml);
    WriteFile(root / "css" / "site.css", "body { color: black; }");
    WriteFile(root / "app.js", "console.log(1);");
    WriteFile(root / "mod.mjs", "export {};");
    WriteFile(root / "data.json", "{}");
    WriteFile(root / "logo.svg", "<svg/>");
    WriteFile(root / "img.png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(2000, 'a'));
    WriteFile(root / "photo.jpg", "jpeg");
    WriteFile(root / "font.woff2", "woff2");
    WriteFile(root / "favicon.ico", "ico");
    WriteFile(root / "robots.txt", "User-agent: *");
    WriteFile(root / "sitemap.xml", "<urlset/>");
    WriteFile(root / "app.js.map", "{}");
    WriteFile(root / "unknown.xyz", "?");
    WriteFile(root / ".env", "SECRET=1");
    WriteFile(root / ".git" / "config.txt", "secret");
    WriteFile(dir.path() / "secret.txt", "outside");
    fs::create_symlink(dir.path() / "secret.txt", root / "link.txt");
    auto created = StaticFiles::Create(root);
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    if (created.ok()) {
      files = std::move(created.value());
    }
  }

  Response Get(std::string_view path, std::string accept_encoding = "",
               std::string if_none_match = "") const {
    Request request{beast_http::verb::get, "/static/x", 11};
    if (!accept_encoding.empty()) {
      request.set(beast_http::field::accept_encoding, accept_encoding);
    }
    if (!if_none_match.empty()) {
      request.set(beast_http::field::if_none_match, if_none_match);
    }
    const RequestContext context{request, "/static/x", {}, {}, "/static/"};
    return files->Serve(context, path);
  }

  testing::TempDir dir;
  std::unique_ptr<StaticFiles> files;
};

TEST(StaticFiles, ChoosesContentTypeByExtension) {
  const Fixture fixture;
  const std::pair<const char*, const char*> cases[] = {
      {"index.html", "text/html; charset=utf-8"},
      {"css/site.css", "text/css; charset=utf-8"},
      {"app.js", "text/javascript; charset=utf-8"},
      {"mod.mjs", "text/javascript; charset=utf-8"},
      {"data.json", "application/json"},
      {"logo.svg", "image/svg+xml"},
      {"img.png", "image/png"},
      {"photo.jpg", "image/jpeg"},
      {"font.woff2", "font/woff2"},
      {"favicon.ico", "image/x-icon"},
      {"robots.txt", "text/plain; charset=utf-8"},
      {"sitemap.xml", "application/xml"},
      {"app.js.map", "application/json"},
  };
  for (const auto& [path, type] : cases) {
    const Response response = fixture.Get(path);
    EXPECT_EQ(response.message.result_int(), 200u) << path;
    EXPECT_EQ(response.message[beast_http::field::content_type], type) << path;
  }
  EXPECT_EQ(fixture.Get("css/site.css").message.body(), "body { color: black; }");
}

TEST(StaticFiles, SendsStrongEtagAndCacheControl) {
  const Fixture fixture;
  const Response response = fixture.Get("app.js");
  const std::string etag(response.message[beast_http::field::etag]);
  ASSERT_GE(etag.size(), 3u);
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(etag.back(), '"');
  EXPECT_NE(fixture.Get("mod.mjs").message[beast_http::field::etag], etag);
  EXPECT_EQ(response.message[beast_http::field::cache_control], "public, max-age=3600");
}

TEST(StaticFiles, Answers304WhenIfNoneMatchNamesTheEtag) {
  const Fixture fixture;
  const std::string etag(fixture.Get("app.js").message[beast_http::field::etag]);
  for (const std::string& header : {etag, "\"other\", " + etag, "W/" + etag, std::string("*")}) {
    const Response response = fixture.Get("app.js", "", header);
    EXPECT_EQ(response.message.result_int(), 304u) << header;
    EXPECT_TRUE(response.message.body().empty());
    EXPECT_EQ(response.message[beast_http::field::etag], etag);
  }
  EXPECT_EQ(fixture.Get("app.js", "", "\"stale\"").message.result_int(), 200u);
}

TEST(StaticFiles, ServesGzipThatDecompressesToTheOriginal) {
  const Fixture fixture;
  const Response plain = fixture.Get("index.html");
  const Response gzip = fixture.Get("index.html", "br, gzip;q=0.8");
  EXPECT_EQ(plain.message.body(), kHtml);
  EXPECT_EQ(plain.message.count(beast_http::field::content_encoding), 0u);
  EXPECT_EQ(plain.message[beast_http::field::vary], "Accept-Encoding");
  EXPECT_EQ(gzip.message[beast_http::field::content_encoding], "gzip");
  EXPECT_EQ(gzip.message[beast_http::field::vary], "Accept-Encoding");
  EXPECT_LT(gzip.message.body().size(), kHtml.size());
  EXPECT_EQ(Gunzip(gzip.message.body()), kHtml);
  EXPECT_EQ(gzip.message[beast_http::field::content_length],
            std::to_string(gzip.message.body().size()));
  // The two representations carry different strong ETags.
  EXPECT_NE(gzip.message[beast_http::field::etag], plain.message[beast_http::field::etag]);
}

TEST(StaticFiles, SendsIdentityWhenGzipIsRefused) {
  const Fixture fixture;
  EXPECT_EQ(fixture.Get("index.html", "gzip;q=0").message.body(), kHtml);
  EXPECT_EQ(fixture.Get("index.html", "identity").message.body(), kHtml);
}

TEST(StaticFiles, DoesNotGzipImages) {
  const Fixture fixture;
  const Response response = fixture.Get("img.png", "gzip");
  EXPECT_EQ(response.message.count(beast_http::field::content_encoding), 0u);
  EXPECT_EQ(response.message.body().size(), 2008u);
}

TEST(StaticFiles, Answers404OutsideTheFolderAndForHiddenFiles) {
  const Fixture fixture;
  const std::string cases[] = {
      "../secret.txt",
      "css/../index.html",
      "./index.html",
      "/etc/passwd",
      "/index.html",
      "css\\site.css",
      std::string("index.html\0", 11),
      ".env",
      ".git/config.txt",
      "link.txt",
      "unknown.xyz",
      "",
      "css//site.css",
      "missing.css",
      "css",
  };
  for (const std::string& path : cases) {
    const Response response = fixture.Get(path);
    EXPECT_EQ(response.message.result_int(), 404u) << path;
    EXPECT_EQ(response.message[beast_http::field::content_type], "application/json; charset=utf-8");
  }
}

TEST(StaticFiles, Answers404ForEncodedTraversalThroughRouter) {
  const Fixture fixture;
  Router router;
  router.Prefix(beast_http::verb::get, "/static/", domain::Permission::kPublic,
                [&](const RequestContext& context) {
                  return fixture.files->Serve(context, context.path_params.at("rest"));
                });
  const auto status = [&](const char* target) {
    return router.Handle(Request{beast_http::verb::get, target, 11}).message.result_int();
  };
  EXPECT_EQ(status("/static/css/site.css"), 200u);
  EXPECT_EQ(status("/static/%2e%2e/secret.txt"), 404u);
  EXPECT_EQ(status("/static/%2E%2E%2Fsecret.txt"), 404u);
  EXPECT_EQ(status("/static/css/..%2F..%2Fsecret.txt"), 404u);
  EXPECT_EQ(status("/static/%2fetc/passwd"), 404u);
  EXPECT_EQ(status("/static/index.html%00"), 400u);  // NUL never reaches the handler
}

TEST(StaticFiles, CreateFailsForMissingFolder) {
  const testing::TempDir dir;
  const auto created = StaticFiles::Create(dir.path() / "nope");
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace knooppunt::http
