// The isms binary: everything is a CLI command (`isms serve` runs the server).
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
    try {
        const std::vector<std::string> args(argv + 1, argv + argc);
        return isms::cli::Run(args, std::cout, std::cerr);
    } catch (const std::exception& e) {
        std::cerr << "isms: internal error: " << e.what() << '\n';
        return 70;
    }
}
