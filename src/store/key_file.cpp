#include "store/key_file.hpp"

#include <fstream>
#include <sstream>

#include <sys/stat.h>

namespace isms::store {

Result<std::string> ReadTextFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Error::NotFound("cannot read " + path.string());
    }
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) {
        s.pop_back();
    }
    return s;
}

Status WriteTextFile(const std::filesystem::path& path, const std::string& text, mode_t mode) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text << '\n';
    out.close();
    if (!out || ::chmod(path.c_str(), mode) != 0) {
        return Error::Internal("cannot write " + path.string());
    }
    return {};
}

Result<std::string> LoadOrCreateSecretFile(
    const std::filesystem::path& keys_dir,
    std::string_view name,
    const std::function<Result<std::string>()>& create
) {
    namespace fs = std::filesystem;
    const fs::path path = keys_dir / name;
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        fs::create_directories(keys_dir, ec);
        if (ec || ::chmod(keys_dir.c_str(), 0700) != 0) {
            return Error::Internal("cannot create key directory " + keys_dir.string());
        }
        ISMS_TRY_ASSIGN(const std::string text, create());
        ISMS_TRY(WriteTextFile(path, text, 0600));
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return Error::Internal("cannot stat " + path.string());
    }
    if ((st.st_mode & 077) != 0) {
        return Error::Denied(
            "refusing " + path.string() + ": readable by group or others (chmod 600 it)"
        );
    }
    return ReadTextFile(path);
}

}  // namespace isms::store
