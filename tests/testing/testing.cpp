#include "testing/testing.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace knooppunt::testing {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "knooppunt-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) std::abort();
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path SourceDir() {
  const char* dir = std::getenv("KNOOPPUNT_SOURCE_DIR");
  return dir != nullptr ? std::filesystem::path(dir) : std::filesystem::current_path();
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace knooppunt::testing
