#include "assurance/metric_schedule.hpp"

#include <chrono>

namespace isms::assurance {

namespace {

Date AddMonths(Date d, int months) {
    const std::chrono::year_month_day ymd{d};
    std::chrono::year_month_day next = ymd + std::chrono::months{months};
    if (!next.ok()) {
        next = std::chrono::year_month_day_last{
            next.year(), std::chrono::month_day_last{next.month()}};
    }
    return std::chrono::sys_days{next};
}

}  // namespace

std::optional<Date> NextDue(Date last, std::string_view frequency) {
    if (frequency == "daily") {
        return last + std::chrono::days{1};
    }
    if (frequency == "weekly") {
        return last + std::chrono::days{7};
    }
    if (frequency == "monthly") {
        return AddMonths(last, 1);
    }
    if (frequency == "quarterly") {
        return AddMonths(last, 3);
    }
    if (frequency == "semiannual") {
        return AddMonths(last, 6);
    }
    if (frequency == "annual") {
        return AddMonths(last, 12);
    }
    return std::nullopt;
}

}  // namespace isms::assurance
