#include "mail/outbox.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "domain/time.h"
#include "mail/mailer.h"
#include "store/account_store.h"

namespace knooppunt::mail {

Result<DeliveryReport> DeliverDue(store::AccountStore& outbox, Mailer& mailer,
                                  const OutboxOptions& options) {
  auto now = domain::Now();
  auto due = outbox.DueMails(domain::FormatUtc(now), options.batch);
  if (!due) return due.error();
  DeliveryReport report;
  for (const store::OutboxMail& mail : *due) {
    Status sent = mailer.Send({.to = mail.to_address,
                               .subject = mail.subject,
                               .text = mail.body,
                               .language = mail.language});
    bool out_of_attempts = mail.attempts + 1 >= options.max_attempts;
    if (sent || sent.error().code == ErrorCode::kInvalidArgument || out_of_attempts) {
      if (Status removed = outbox.DeleteMail(mail.id); !removed) return removed.error();
      if (sent) {
        ++report.sent;
      } else {
        // The mail's id, never its address: logs hold no personal data.
        spdlog::warn("mail {} dropped after {} attempts: {}", mail.id, mail.attempts + 1,
                     sent.error().message);
        ++report.dropped;
      }
      continue;
    }
    auto wait = options.first_retry * (int64_t{1} << std::min<int64_t>(mail.attempts, 20));
    wait = std::min(wait, options.longest_retry);
    if (Status noted =
            outbox.MailFailed(mail.id, domain::FormatUtc(now + wait), sent.error().message);
        !noted) {
      return noted.error();
    }
    ++report.retried;
  }
  return report;
}

}  // namespace knooppunt::mail
