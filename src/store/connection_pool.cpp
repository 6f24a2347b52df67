#include "store/connection_pool.hpp"

namespace isms::store {

ConnectionPool::ConnectionPool(std::size_t capacity, Connect connect, OnRelease on_release)
    : capacity_(capacity), connect_(std::move(connect)), on_release_(std::move(on_release)) {}

Result<ConnectionLease> ConnectionPool::Acquire() {
    std::unique_lock lock(mutex_);
    if (idle_.empty() && all_.size() < capacity_) {
        ISMS_TRY_ASSIGN(auto conn, connect_());
        all_.push_back(std::move(conn));
        idle_.push_back(all_.back().get());
    }
    returned_.wait(lock, [this] { return !idle_.empty(); });
    Connection* conn = idle_.back();
    idle_.pop_back();
    return ConnectionLease(conn, [this](Connection* c) {
        if (on_release_) {
            on_release_(*c);
        }
        {
            const std::lock_guard guard(mutex_);
            idle_.push_back(c);
        }
        returned_.notify_one();
    });
}

}  // namespace isms::store
