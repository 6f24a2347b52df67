#include "core/private_file.hpp"

#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace isms {

namespace {

std::string ErrnoText() {
    return std::error_code(errno, std::generic_category()).message();
}

}  // namespace

Status CheckPrivateFile(const std::filesystem::path& path, std::string_view setting) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return Error::Invalid(
            std::string(setting), "cannot read " + path.string() + ": " + ErrnoText()
        );
    }
    if (!S_ISREG(st.st_mode)) {
        return Error::Invalid(
            std::string(setting), "cannot read " + path.string() + ": not a regular file"
        );
    }
    if ((st.st_mode & 077) != 0) {
        return Error::Denied(
            "refusing " + path.string() + ": readable by group or others (chmod 600 it)"
        );
    }
    if (::access(path.c_str(), R_OK) != 0) {
        return Error::Invalid(
            std::string(setting), "cannot read " + path.string() + ": " + ErrnoText()
        );
    }
    return {};
}

Result<std::string> ReadPrivateFile(const std::filesystem::path& path, std::string_view setting) {
    ISMS_TRY(CheckPrivateFile(path, setting));
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Error::Invalid(std::string(setting), "cannot read " + path.string());
    }
    std::ostringstream content;
    content << in.rdbuf();
    return std::move(content).str();
}

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
    ISMS_TRY(CheckPrivateFile(path, "keys/" + std::string(name)));
    return ReadTextFile(path);
}

Result<NewPrivateFile> NewPrivateFile::Create(std::filesystem::path path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Error::Internal("cannot create " + path.string() + ": " + ErrnoText());
    }
    return NewPrivateFile(std::move(path), fd);
}

NewPrivateFile::NewPrivateFile(NewPrivateFile&& other) noexcept
    : path_(std::move(other.path_)), fd_(std::exchange(other.fd_, -1)) {}

NewPrivateFile::~NewPrivateFile() {
    if (fd_ >= 0) {
        ::close(fd_);
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
}

Status NewPrivateFile::Write(std::string_view bytes) {
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return Error::Internal("cannot write " + path_.string() + ": " + ErrnoText());
        }
        written += static_cast<std::size_t>(n);
    }
    return {};
}

Status NewPrivateFile::Commit() {
    const bool synced = ::fsync(fd_) == 0;
    const bool closed = ::close(std::exchange(fd_, -1)) == 0;
    if (!synced || !closed) {
        return Error::Internal("cannot flush " + path_.string());
    }
    return {};
}

}  // namespace isms
