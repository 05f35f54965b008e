// Helpers for tests: temporary folders that clean up after themselves, and the project's
// source folder (for schema files and examples).
// Thread-safety: each helper object belongs to one test.
#pragma once

#include <filesystem>
#include <string>

namespace knooppunt::testing {

// A fresh folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The repository root (KNOOPPUNT_SOURCE_DIR, set by CTest), so tests find schema/ and shared/.
std::filesystem::path SourceDir();

// The text of a file, or an empty string when it cannot be read.
std::string ReadFile(const std::filesystem::path& path);

}  // namespace knooppunt::testing
