#include "http/metrics.hpp"

namespace isms::http {

void Metrics::Record(unsigned status, std::chrono::microseconds elapsed) {
    const std::size_t cls = status / 100 < by_class_.size() ? status / 100 : 5;
    by_class_[cls].fetch_add(1, std::memory_order_relaxed);
    std::size_t b = 0;
    while (b < kBucketsUs.size() && elapsed.count() > kBucketsUs[b]) {
        ++b;
    }
    buckets_[b].fetch_add(1, std::memory_order_relaxed);
    sum_us_.fetch_add(elapsed.count(), std::memory_order_relaxed);
    count_.fetch_add(1, std::memory_order_relaxed);
}

std::string Metrics::Render() const {
    std::string out;
    out += "# HELP isms_http_requests_total HTTP requests answered, by status class.\n";
    out += "# TYPE isms_http_requests_total counter\n";
    for (std::size_t c = 1; c < by_class_.size(); ++c) {
        out += "isms_http_requests_total{code=\"" + std::to_string(c) + "xx\"} "
               + std::to_string(by_class_[c].load(std::memory_order_relaxed)) + "\n";
    }
    out += "# HELP isms_http_request_duration_seconds Time to answer a request.\n";
    out += "# TYPE isms_http_request_duration_seconds histogram\n";
    std::int64_t cumulative = 0;
    for (std::size_t b = 0; b < kBucketsUs.size(); ++b) {
        cumulative += buckets_[b].load(std::memory_order_relaxed);
        out += "isms_http_request_duration_seconds_bucket{le=\""
               + std::to_string(static_cast<double>(kBucketsUs[b]) / 1e6) + "\"} "
               + std::to_string(cumulative) + "\n";
    }
    cumulative += buckets_.back().load(std::memory_order_relaxed);
    out += "isms_http_request_duration_seconds_bucket{le=\"+Inf\"} " + std::to_string(cumulative)
           + "\n";
    out += "isms_http_request_duration_seconds_sum "
           + std::to_string(static_cast<double>(sum_us_.load(std::memory_order_relaxed)) / 1e6)
           + "\n";
    out += "isms_http_request_duration_seconds_count "
           + std::to_string(count_.load(std::memory_order_relaxed)) + "\n";
    return out;
}

}  // namespace isms::http
