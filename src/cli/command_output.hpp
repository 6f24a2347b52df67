// What a command printed: the JSON for --format json and the text for the table format, which
// cli.cpp writes to standard output. One shape for every command that prints more than a line.
#pragma once

#include <string>

#include "core/json.hpp"

namespace isms::cli {

struct CommandOutput {
    json::object json;
    std::string text;     // each line ends with '\n'
    bool failed = false;  // the command ran but found problems (exit 1)
};

}  // namespace isms::cli
