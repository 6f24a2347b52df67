// A bounded pool of reader connections, shared by the engines: connections are made on demand
// up to a capacity, handed out as leases and returned when a lease ends; Acquire waits while
// all are in use. What an engine does on return (end a transaction left open) is its hook.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "store/database.hpp"

namespace isms::store {

class ConnectionPool {
public:
    using Connect = std::function<Result<std::unique_ptr<Connection>>()>;
    using OnRelease = std::function<void(Connection&)>;

    ConnectionPool(std::size_t capacity, Connect connect, OnRelease on_release = {});

    /// A free connection, making one when none is free and the pool is below capacity.
    [[nodiscard]] Result<ConnectionLease> Acquire();

private:
    std::size_t capacity_;
    Connect connect_;
    OnRelease on_release_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<Connection>> all_;  // every connection ever made
    std::vector<Connection*> idle_;
};

}  // namespace isms::store
