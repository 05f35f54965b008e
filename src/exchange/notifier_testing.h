// For tests: a Notifier that records every call, so a test can ask who was told what.
// Thread-safety: calls are serialised by a mutex; read `notices()` when no call is running.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "exchange/notifier.h"
#include "store/posting_store.h"

namespace knooppunt::exchange::testing {

struct Notice {
  std::string what;        // "proposed", "accepted", "active", "declined", "message", "moderated"
  std::string account_id;  // the recipient
  std::string subject_id;  // the match id, or the posting id for "moderated"
  bool approved = false;   // "moderated" only
  bool operator==(const Notice&) const = default;
};

class RecordingNotifier : public Notifier {
 public:
  void MatchProposed(std::string_view account_id, const store::MatchRecord& match) override {
    Add("proposed", account_id, match.id);
  }
  void MatchAccepted(std::string_view account_id, const store::MatchRecord& match) override {
    Add("accepted", account_id, match.id);
  }
  void MatchActive(std::string_view account_id, const store::MatchRecord& match) override {
    Add("active", account_id, match.id);
  }
  void MatchDeclined(std::string_view account_id, const store::MatchRecord& match) override {
    Add("declined", account_id, match.id);
  }
  void MessageReceived(std::string_view account_id, const store::MatchRecord& match) override {
    Add("message", account_id, match.id);
  }
  void PostingModerated(std::string_view account_id, const store::PostingRecord& posting,
                        bool approved) override {
    Add("moderated", account_id, posting.id, approved);
  }

  const std::vector<Notice>& notices() const { return notices_; }
  // The notices of one kind, in the order they were sent.
  std::vector<Notice> Of(std::string_view what) const {
    std::vector<Notice> out;
    for (const Notice& notice : notices_) {
      if (notice.what == what) out.push_back(notice);
    }
    return out;
  }
  void Clear() { notices_.clear(); }

 private:
  void Add(std::string_view what, std::string_view account_id, std::string_view subject_id,
           bool approved = false) {
    std::lock_guard lock(mutex_);
    notices_.push_back(
        {std::string(what), std::string(account_id), std::string(subject_id), approved});
  }

  std::mutex mutex_;
  std::vector<Notice> notices_;
};

}  // namespace knooppunt::exchange::testing
