// The notifications module's service, built once by the composition root.
#pragma once

#include "notifications/notification_service.hpp"

namespace isms::notifications {

struct NotificationServices {
    explicit NotificationServices(const NotificationDeps& deps) : service(deps) {}

    NotificationService service;
};

}  // namespace isms::notifications
