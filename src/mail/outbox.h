// The outbox: mails wait in the database (store/account_store.h) until an SMTP server accepts
// them, so no mail is lost while the server is down. Each pass sends what is due; a temporary
// failure is tried again later, waiting twice as long each time.
// Thread-safety: DeliverDue may run in several processes at once only if sending a mail twice is
// acceptable; Knooppunt runs it in one thread per process.
#pragma once

#include <chrono>

#include "domain/result.h"

namespace knooppunt::store {
class AccountStore;
}

namespace knooppunt::mail {

class Mailer;

struct OutboxOptions {
  // Mails sent per pass at most.
  int batch = 20;
  // The wait after the first failed attempt; doubled after each further one …
  std::chrono::seconds first_retry{60};
  // … up to this.
  std::chrono::seconds longest_retry{std::chrono::hours(6)};
  // After this many failed attempts (about twelve days with the waits above) a mail is dropped.
  int max_attempts = 50;
};

struct DeliveryReport {
  int sent = 0;
  int retried = 0;  // failed for now, tried again later
  int dropped = 0;  // refused for good (a 5xx answer) or out of attempts
};

// Sends the mails that are due. Success: what happened; the store's error when it cannot be
// read. A sent or dropped mail leaves the outbox.
Result<DeliveryReport> DeliverDue(store::AccountStore& outbox, Mailer& mailer,
                                  const OutboxOptions& options = {});

}  // namespace knooppunt::mail
