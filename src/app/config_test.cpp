#include "app/config.h"

#include <gtest/gtest.h>

#include <fstream>

#include "testing/testing.h"

namespace knooppunt::app {
namespace {

TEST(Config, TheCommittedFileLoadsAndMatchesTheDefaults) {
  Config defaults, loaded;
  ASSERT_TRUE(LoadConfigFile(testing::SourceDir() / "knooppunt.conf", loaded).ok());
  EXPECT_EQ(loaded.database, defaults.database);
  EXPECT_EQ(loaded.listen_port, defaults.listen_port);
  EXPECT_EQ(loaded.server.body_limit, defaults.server.body_limit);
}

TEST(Config, UnknownKeyNamesFileLineAndKey) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "k.conf") << "# comment\nlisten = 127.0.0.1:9000\ncolour = blue\n";
  Config config;
  Status status = LoadConfigFile(dir.path() / "k.conf", config);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("k.conf:3"), std::string::npos);
  EXPECT_NE(status.error().message.find("colour"), std::string::npos);
}

TEST(Config, MatchWeightsComeFromTheirFileAndBadOnesNameTheKey) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "weights.conf") << "# ours\nshared_language = 50\nmin_score = 5\n";
  std::ofstream(dir.path() / "bad.conf") << "shared_langauge = 50\n";
  Config config;
  ASSERT_TRUE(ApplySetting(config, "match_weights_file", (dir.path() / "weights.conf").string()).ok());
  EXPECT_EQ(config.match_weights.shared_language, 50);
  EXPECT_EQ(config.match_weights.min_score, 5);
  EXPECT_EQ(config.match_weights.distance, match::Weights{}.distance);
  Status bad = ApplySetting(config, "match_weights_file", (dir.path() / "bad.conf").string());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("shared_langauge"), std::string::npos) << bad.error().message;
  EXPECT_FALSE(ApplySetting(config, "match_weights_file", (dir.path() / "missing").string()).ok());
}

TEST(Config, BadValuesAreRefused) {
  Config config;
  EXPECT_FALSE(ApplySetting(config, "listen", "localhost").ok());
  EXPECT_FALSE(ApplySetting(config, "listen", "127.0.0.1:99999").ok());
  EXPECT_FALSE(ApplySetting(config, "threads", "0").ok());
  EXPECT_FALSE(ApplySetting(config, "database", "mysql://x").ok());
  EXPECT_FALSE(ApplySetting(config, "log_level", "loud").ok());
  EXPECT_TRUE(ApplySetting(config, "listen", "[::1]:8081").ok());
  EXPECT_EQ(config.listen_host, "::1");
  EXPECT_EQ(config.listen_port, 8081);
}

TEST(Config, MissingFileIsNotFound) {
  Config config;
  Status status = LoadConfigFile("/nonexistent/knooppunt.conf", config);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace knooppunt::app
