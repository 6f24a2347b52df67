// Request counters and a latency histogram, exposed at /metrics in the Prometheus text format.
// Lock-free: every request updates a few atomics.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace isms::http {

class Metrics {
public:
    void Record(unsigned status, std::chrono::microseconds elapsed);
    [[nodiscard]] std::string Render() const;

private:
    static constexpr std::array<std::int64_t, 8> kBucketsUs = {
        250, 500, 1000, 2500, 5000, 10000, 50000, 250000};
    std::array<std::atomic<std::int64_t>, 6> by_class_{};  // 1xx..5xx, index = status / 100
    std::array<std::atomic<std::int64_t>, kBucketsUs.size() + 1> buckets_{};
    std::atomic<std::int64_t> sum_us_{0};
    std::atomic<std::int64_t> count_{0};
};

}  // namespace isms::http
