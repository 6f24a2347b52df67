#include "apitest/runner.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>

#include "apitest/matrix.hpp"
#include "iam/totp.hpp"

namespace isms::apitest {

namespace {

constexpr std::size_t kMaxBodyShown = 8000;

std::string Indent(std::string_view text, std::string_view pad) {
    std::string out;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        out += pad;
        out += text.substr(pos, end - pos);
        out += '\n';
        pos = end + 1;
    }
    return out;
}

/// A body for display: pretty JSON when it parses, else the text (shortened).
std::string ShowBody(std::string_view body) {
    if (auto parsed = ParseJson(body)) {
        return PrettyJson(*parsed);
    }
    if (body.size() > kMaxBodyShown) {
        return std::string(body.substr(0, kMaxBodyShown)) + "\n… (" + std::to_string(body.size())
               + " bytes)";
    }
    return std::string(body);
}

bool IEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i]))
            != std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

const std::string* FindHeader(const http::HeaderList& headers, std::string_view name) {
    for (const auto& [key, value] : headers) {
        if (IEquals(key, name)) {
            return &value;
        }
    }
    return nullptr;
}

/// The public reference files: ISMS_REFERENCE_DIR, else ../shared/reference beside the checkout
/// (scenarios run from the project root); nullopt when neither exists.
std::optional<std::string> ReferenceDir(const EnvLookup& env) {
    std::string dir = env("ISMS_REFERENCE_DIR").value_or("");
    if (dir.empty()) {
        dir = std::filesystem::absolute("../shared/reference").lexically_normal().string();
    }
    if (!std::filesystem::is_directory(dir)) {
        return std::nullopt;
    }
    return dir;
}

void CollectRequirements(const std::vector<Step>& steps, std::vector<const Step*>& out) {
    for (const Step& step : steps) {
        if (step.kind == StepKind::kRequireEnv) {
            out.push_back(&step);
        }
        CollectRequirements(step.body_steps, out);
    }
}

/// What a failed step was doing, for the report.
struct Exchange {
    const http::Request* request = nullptr;
    bool auto_authorization = false;
    const http::Response* response = nullptr;
    const std::vector<std::string>* cli_args = nullptr;
    const CliOutput* cli_output = nullptr;
};

class ScenarioRun {
public:
    ScenarioRun(const Scenario& scenario, Host& host, const RunOptions& options, std::ostream& out)
        : scenario_(scenario), host_(host), options_(options), out_(out) {}

    [[nodiscard]] bool Run() { return RunSteps(scenario_.steps); }
    [[nodiscard]] const std::map<int, BodyRewrite>& Rewrites() const { return rewrites_; }

private:
    bool RunSteps(const std::vector<Step>& steps) {
        for (const Step& step : steps) {
            if (!RunStep(step)) {
                return false;
            }
        }
        return true;
    }

    bool RunStep(const Step& step) {
        switch (step.kind) {
            case StepKind::kTenant: {
                auto slug = Sub(step.arg, step);
                if (!slug) {
                    return false;
                }
                if (auto ok = host_.EnsureTenant(*slug); !ok) {
                    return Fail(step, step.line, "tenant " + *slug + ": " + ok.error().message);
                }
                tenant_ = *slug;
                return true;
            }
            case StepKind::kAs: {
                auto role = Sub(step.arg, step);
                if (!role) {
                    return false;
                }
                role_ = *role;
                return true;
            }
            case StepKind::kClock:
                return RunClock(step);
            case StepKind::kRequest:
                return RunRequest(step);
            case StepKind::kCli:
                return RunCli(step);
            case StepKind::kForeach:
                return RunForeach(step);
            case StepKind::kRestart:
                return Directive(step, "restart", host_.Restart());
            case StepKind::kLedgerVerify:
                return Directive(step, "ledger verify", host_.VerifyLedger());
            case StepKind::kTamperBlob: {
                auto sha256 = Sub(step.arg, step);
                if (!sha256) {
                    return false;
                }
                return Directive(step, "tamper blob", host_.TamperBlob(*sha256));
            }
            case StepKind::kFileContains:
                return RunFileContains(step);
            case StepKind::kBlobCheck: {
                auto sha256 = Sub(step.arg, step);
                if (!sha256) {
                    return false;
                }
                return Directive(step, "blob", host_.CheckBlob(*sha256, step.blob_encrypted));
            }
            case StepKind::kSetting: {
                auto value = Sub(step.setting_value, step);
                if (!value) {
                    return false;
                }
                return Directive(step, "setting", host_.ApplySetting(step.arg, *value));
            }
            case StepKind::kRequireEnv:
                return true;  // decided before the run
            case StepKind::kMatrix:
                return RunMatrixStep(step);
        }
        return true;
    }

    /// Expands the permission matrix beside the scenario; reports every mismatching cell at its
    /// line of the matrix file, then how many cells were sent.
    bool RunMatrixStep(const Step& step) {
        const std::string path =
            (std::filesystem::path(scenario_.file).parent_path() / step.arg).string();
        auto matrix = LoadMatrix(path);
        if (!matrix) {
            return Fail(step, step.line, matrix.error().message);
        }
        if (tenant_.empty()) {
            return Fail(step, step.line, "`matrix` needs a `tenant <slug>` first");
        }
        auto outcome = RunMatrix(*matrix, host_, tenant_, Vars());
        if (!outcome) {
            return Fail(step, step.line, outcome.error().message);
        }
        for (const MatrixMismatch& m : outcome->mismatches) {
            const Exchange exchange{&m.request, false, &m.response, nullptr, nullptr};
            static_cast<void>(Fail(
                step,
                step.line,
                path + ":" + std::to_string(m.line) + ": " + m.request.method + " "
                    + m.request.target + " as " + m.caller + ": " + m.message,
                &exchange
            ));
        }
        out_ << scenario_.file << ":" << step.line << ": matrix: " << matrix->rows.size()
             << " rows x " << matrix->columns.size() << " callers, " << outcome->requests
             << " requests, " << outcome->mismatches.size() << " not as the matrix says\n";
        return outcome->mismatches.empty();
    }

    bool Directive(const Step& step, const char* what, const Result<Done>& done) {
        if (!done) {
            return Fail(step, step.line, std::string(what) + " failed:\n" + done.error().message);
        }
        if (*done == Done::kSkipped) {
            out_ << scenario_.file << ":" << step.line << ": note: `" << what
                 << "` skipped (not possible against this host)\n";
        }
        return true;
    }

    bool RunFileContains(const Step& step) {
        auto path = Sub(step.arg, step);
        if (!path) {
            return false;
        }
        auto text = Sub(step.expected_text, step);
        if (!text) {
            return false;
        }
        std::ifstream in(*path, std::ios::binary);
        if (!in) {
            return Fail(step, step.line, "file " + *path + " cannot be read");
        }
        std::ostringstream content;
        content << in.rdbuf();
        if (content.str().find(*text) == std::string::npos) {
            return Fail(
                step,
                step.line,
                "file " + *path + " does not contain the text; it holds:\n"
                    + Indent(ShowBody(content.str()), "    ")
            );
        }
        return true;
    }

    bool RunClock(const Step& step) {
        auto text = Sub(step.arg, step);
        if (!text) {
            return false;
        }
        if (text->front() == '+') {
            const auto by = ParseDuration(text->substr(1));
            if (!by) {
                return Fail(step, step.line, "bad duration \"" + *text + "\"");
            }
            return Directive(step, "clock", host_.AdvanceClock(*by));
        }
        const auto at = ParseTimestamp(*text);
        if (!at) {
            return Fail(step, step.line, "bad instant \"" + *text + "\"");
        }
        return Directive(step, "clock", host_.SetClock(*at));
    }

    bool RunForeach(const Step& step) {
        const std::optional<std::string> saved = Lookup(step.loop_var);
        bool ok = true;
        for (const std::string& raw : step.loop_values) {
            auto value = Sub(raw, step);
            if (!value) {
                return false;
            }
            vars_[step.loop_var] = *value;
            loop_context_.push_back(step.loop_var + "=" + *value);
            ok = RunSteps(step.body_steps);
            loop_context_.pop_back();
            if (!ok) {
                break;
            }
        }
        if (saved) {
            vars_[step.loop_var] = *saved;
        } else {
            vars_.erase(step.loop_var);
        }
        return ok;
    }

    bool RunRequest(const Step& step) {
        http::Request request;
        request.method = step.method;
        request.remote_address = "127.0.0.1";
        auto target = Sub(step.target, step);
        if (!target) {
            return false;
        }
        request.target = std::move(*target);
        for (const auto& [name, raw] : step.headers) {
            auto value = Sub(raw, step);
            if (!value) {
                return false;
            }
            request.headers.emplace_back(name, std::move(*value));
        }
        if (step.body_kind != BodyKind::kNone) {
            auto body =
                step.body_kind == BodyKind::kJson ? SubJson(step.body, step) : Sub(step.body, step);
            if (!body) {
                return false;
            }
            request.body = std::move(*body);
            if (FindHeader(request.headers, "content-type") == nullptr) {
                request.headers.emplace_back("content-type", "application/json");
            }
        }
        bool auto_authorization = false;
        if (FindHeader(request.headers, "authorization") == nullptr && !role_.empty()
            && role_ != "anonymous") {
            if (tenant_.empty()) {
                return Fail(step, step.line, "`as " + role_ + "` needs a `tenant <slug>` first");
            }
            auto token = host_.TokenFor(tenant_, role_);
            if (!token) {
                return Fail(
                    step,
                    step.line,
                    "no token for " + role_ + "@" + tenant_ + ": " + token.error().message
                );
            }
            request.headers.emplace_back("authorization", "Bearer " + *token);
            auto_authorization = true;
        }
        auto response = host_.Send(request);
        Exchange exchange{&request, auto_authorization, nullptr, nullptr, nullptr};
        if (!response) {
            return Fail(step, step.line, "transport error: " + response.error().message, &exchange);
        }
        exchange.response = &*response;
        const int status_line = step.separator_line + 1;
        if (response->status != step.status) {
            return Fail(
                step,
                status_line,
                "expected status " + std::to_string(step.status) + ", got "
                    + std::to_string(response->status),
                &exchange
            );
        }
        auto doc = ParseJson(response->body);
        if (!step.expect_ok) {
            std::string type;
            if (doc && doc->is_object()) {
                type = std::string(StringOr(doc->get_object(), "type"));
            }
            const std::string suffix = type.substr(type.rfind('/') + 1);
            if (suffix != step.problem_type) {
                return Fail(
                    step,
                    status_line,
                    "expected problem type \"" + step.problem_type + "\", got \""
                        + (type.empty() ? "(no problem+json type)" : type) + "\"",
                    &exchange
                );
            }
        }
        const json::value* body = doc ? &*doc : nullptr;
        return RunChecks(step, body, &response->headers, response->body, exchange);
    }

    bool RunCli(const Step& step) {
        std::vector<std::string> args;
        for (const std::string& raw : step.cli_args) {
            auto arg = Sub(raw, step);
            if (!arg) {
                return false;
            }
            args.push_back(std::move(*arg));
        }
        const CliOutput output = host_.RunCli(args);
        Exchange exchange{nullptr, false, nullptr, &args, &output};
        if (output.exit_code != step.exit_code) {
            return Fail(
                step,
                step.separator_line + 1,
                "expected exit code " + std::to_string(step.exit_code) + ", got "
                    + std::to_string(output.exit_code),
                &exchange
            );
        }
        auto doc = ParseJson(output.out);
        const json::value* body = doc ? &*doc : nullptr;
        return RunChecks(step, body, nullptr, output.out, exchange);
    }

    bool RunChecks(
        const Step& step,
        const json::value* doc,
        const http::HeaderList* headers,
        const std::string& text,
        const Exchange& exchange
    ) {
        const char* what = headers != nullptr ? "the response body" : "stdout";
        for (const Check& check : step.checks) {
            if (check.kind == Check::Kind::kContains) {
                if (text.find(check.text) == std::string::npos) {
                    return Fail(
                        step,
                        check.line,
                        std::string(what) + " does not contain the text",
                        &exchange
                    );
                }
                continue;
            }
            const bool from_header = check.kind == Check::Kind::kAssertion
                                         ? check.assertion.is_header
                                         : check.kind == Check::Kind::kCapture && check.from_header;
            const std::string& subject =
                check.kind == Check::Kind::kAssertion ? check.assertion.subject : check.subject;
            if (from_header && headers == nullptr) {
                return Fail(step, check.line, "a cli block has no headers", &exchange);
            }
            if (!from_header && doc == nullptr) {
                return Fail(step, check.line, std::string(what) + " is not JSON", &exchange);
            }
            std::optional<json::value> header_value;
            const json::value* actual = nullptr;
            if (check.kind == Check::Kind::kBody) {
                actual = doc;
            } else if (from_header) {
                if (const std::string* value = FindHeader(*headers, subject)) {
                    header_value = json::string(*value);
                    actual = &*header_value;
                }
            } else {
                auto path_text = Sub(subject, step, check.line);
                if (!path_text) {
                    return false;
                }
                auto path = ParsePath(*path_text);
                if (!path) {
                    return Fail(step, check.line, path.error().message, &exchange);
                }
                actual = Resolve(*doc, *path);
            }
            bool ok = true;
            switch (check.kind) {
                case Check::Kind::kAssertion:
                    ok = Assert(step, check, actual, exchange);
                    break;
                case Check::Kind::kCapture:
                    ok = Capture(step, check, actual, exchange);
                    break;
                case Check::Kind::kBody:
                    ok = MatchBody(step, check, *actual, exchange);
                    break;
                case Check::Kind::kContains:
                    break;  // handled above
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    bool Assert(
        const Step& step, const Check& check, const json::value* actual, const Exchange& exchange
    ) {
        const Assertion& a = check.assertion;
        const bool json_operand = a.op == AssertOp::kEqual || a.op == AssertOp::kNotEqual;
        auto operand =
            json_operand ? SubJson(a.operand, step, check.line) : Sub(a.operand, step, check.line);
        if (!operand) {
            return false;
        }
        if (auto ok = Evaluate(a, *operand, actual); !ok) {
            return Fail(step, check.line, ok.error().message, &exchange);
        }
        return true;
    }

    bool Capture(
        const Step& step, const Check& check, const json::value* actual, const Exchange& exchange
    ) {
        if (actual == nullptr) {
            return Fail(
                step,
                check.line,
                "capture " + check.name + ": " + check.subject + " is absent",
                &exchange
            );
        }
        vars_[check.name] = CaptureText(*actual);
        return true;
    }

    bool MatchBody(
        const Step& step, const Check& check, const json::value& actual, const Exchange& exchange
    ) {
        if (check.text.empty()) {
            if (options_.rewrite) {
                Rewrite(check, nullptr, nullptr, actual);
                return true;
            }
            return Fail(
                step,
                check.line,
                "empty `body` block (write the expectation or use --rewrite)",
                &exchange
            );
        }
        auto substituted_text = SubJson(check.text, step, check.line);
        if (!substituted_text) {
            return false;
        }
        auto expected = ParseJson(*substituted_text);
        if (!expected) {
            return Fail(step, check.line, "body: " + expected.error().message, &exchange);
        }
        auto differs = MatchJson(*expected, actual, MatchMode::kSubset);
        if (differs) {
            return true;
        }
        if (options_.rewrite) {
            auto raw = ParseJson(check.text);  // fails when a bare {{n}} stands for a number
            Rewrite(check, raw ? &*raw : &*expected, &*expected, actual);
            return true;
        }
        return Fail(step, check.line, "body differs " + differs.error().message, &exchange);
    }

    void Rewrite(
        const Check& check,
        const json::value* raw,
        const json::value* substituted,
        const json::value& actual
    ) {
        std::string text = PrettyJson(RewriteExpectation(raw, substituted, actual));
        auto [it, inserted] = rewrites_.try_emplace(check.line, BodyRewrite{check.end_line, text});
        if (inserted) {
            out_ << scenario_.file << ":" << check.line << ": note: `body` rewritten\n";
        } else if (it->second.text != text) {
            out_ << scenario_.file << ":" << check.line
                 << ": note: loop iterations differ; `body` rewritten from the first\n";
        }
    }

    std::optional<std::string> Lookup(std::string_view name) const {
        if (auto it = vars_.find(std::string(name)); it != vars_.end()) {
            return it->second;
        }
        if (const auto secret_var = TotpVariable(name)) {
            return CurrentTotp(*secret_var);
        }
        if (name == "data_dir") {
            return host_.DataDir();
        }
        if (name == "scenario_dir") {  // fixture files beside the scenario
            return std::filesystem::absolute(std::filesystem::path(scenario_.file).parent_path())
                .string();
        }
        if (name == "reference_dir") {
            return ReferenceDir(options_.env ? options_.env : ProcessEnvironment());
        }
        if (name == "tenant" && !tenant_.empty()) {
            return tenant_;
        }
        return std::nullopt;
    }

    /// The TOTP code, at the host's clock, of the base32 secret held in `variable`.
    std::optional<std::string> CurrentTotp(std::string_view variable) const {
        const auto it = vars_.find(std::string(variable));
        if (it == vars_.end()) {
            return std::nullopt;
        }
        auto key = iam::Base32Decode(it->second);
        if (!key) {
            return std::nullopt;
        }
        return iam::TotpCode(*key, iam::TotpStep(host_.Now()));
    }

    VarLookup Vars() const {
        return [this](std::string_view name) {
            return Lookup(name);
        };
    }

    Result<std::string> Sub(const std::string& text, const Step& step, int line = 0) {
        auto out = Substitute(text, Vars());
        if (!out) {
            static_cast<void>(Fail(step, line != 0 ? line : step.line, out.error().message));
        }
        return out;
    }

    Result<std::string> SubJson(const std::string& text, const Step& step, int line = 0) {
        auto out = SubstituteJson(text, Vars());
        if (!out) {
            static_cast<void>(Fail(step, line != 0 ? line : step.line, out.error().message));
        }
        return out;
    }

    /// Prints the failure report; always returns false so callers can `return Fail(…)`.
    bool Fail(
        const Step& step, int line, const std::string& message, const Exchange* exchange = nullptr
    ) {
        out_ << scenario_.file << ":" << line << ": " << message;
        for (const std::string& context : loop_context_) {
            out_ << " [" << context << "]";
        }
        out_ << "\n";
        if (exchange != nullptr && exchange->request != nullptr) {
            const http::Request& r = *exchange->request;
            out_ << "  request:\n    " << r.method << " " << r.target << "\n";
            for (const auto& [name, value] : r.headers) {
                const bool hide = name == "authorization" && exchange->auto_authorization;
                out_ << "    " << name << ": "
                     << (hide ? "Bearer <token of " + role_ + "@" + tenant_ + ">" : value) << "\n";
            }
            if (!r.body.empty()) {
                out_ << Indent(ShowBody(r.body), "    ");
            }
        }
        if (exchange != nullptr && exchange->response != nullptr) {
            const http::Response& r = *exchange->response;
            out_ << "  response:\n    HTTP " << r.status << "\n";
            for (const auto& [name, value] : r.headers) {
                out_ << "    " << name << ": " << value << "\n";
            }
            if (!r.body.empty()) {
                out_ << Indent(ShowBody(r.body), "    ");
            }
        }
        if (exchange != nullptr && exchange->cli_output != nullptr) {
            out_ << "  command:\n    isms";
            for (const std::string& arg : *exchange->cli_args) {
                out_ << " " << arg;
            }
            out_ << "\n  exit code: " << exchange->cli_output->exit_code << "\n";
            out_ << "  stdout:\n" << Indent(ShowBody(exchange->cli_output->out), "    ");
            if (!exchange->cli_output->err.empty()) {
                out_ << "  stderr:\n" << Indent(exchange->cli_output->err, "    ");
            }
        }
        if (exchange != nullptr && step.separator_line != 0) {
            out_ << "  expected:\n";
            const auto first = static_cast<std::size_t>(step.separator_line);
            const auto last = static_cast<std::size_t>(step.end_line);
            for (std::size_t i = first; i < last && i < scenario_.lines.size(); ++i) {
                out_ << "    " << scenario_.lines[i] << "\n";
            }
        }
        return false;
    }

    const Scenario& scenario_;
    Host& host_;
    const RunOptions& options_;
    std::ostream& out_;
    std::map<std::string, std::string> vars_;
    std::string tenant_;
    std::string role_;
    std::vector<std::string> loop_context_;  // "role=auditor" for each enclosing foreach
    std::map<int, BodyRewrite> rewrites_;
};

}  // namespace

FileResult RunScenario(
    const Scenario& scenario,
    const HostFactory& open_host,
    const RunOptions& options,
    std::ostream& out,
    std::map<int, BodyRewrite>* rewrites
) {
    std::vector<const Step*> requirements;
    CollectRequirements(scenario.steps, requirements);
    const EnvLookup env = options.env ? options.env : ProcessEnvironment();
    for (const Step* requirement : requirements) {
        if (requirement->arg == kReferenceRequirement) {
            if (!ReferenceDir(env)) {
                out << "SKIP " << scenario.file
                    << " (reference data not found: ../shared/reference or ISMS_REFERENCE_DIR)\n";
                return FileResult::kSkipped;
            }
            continue;
        }
        const std::optional<std::string> value = env(requirement->arg);
        if (!value || value->empty()) {
            out << "SKIP " << scenario.file << " (" << requirement->arg << " is not set)\n";
            return FileResult::kSkipped;
        }
    }
    auto host = open_host();
    if (!host) {
        out << scenario.file << ": cannot start the host: " << host.error().message << "\n";
        out << "FAIL " << scenario.file << "\n";
        return FileResult::kFailed;
    }
    ScenarioRun run(scenario, **host, options, out);
    const bool passed = run.Run();
    if (options.keep) {
        out << scenario.file << ": data kept in " << (*host)->DataDir() << "\n";
    }
    if (rewrites != nullptr) {
        *rewrites = run.Rewrites();
    }
    out << (passed ? "PASS " : "FAIL ") << scenario.file << "\n";
    return passed ? FileResult::kPassed : FileResult::kFailed;
}

std::string ApplyRewrites(const Scenario& scenario, const std::map<int, BodyRewrite>& rewrites) {
    std::string out;
    std::size_t i = 0;  // index of the next source line to copy
    const auto emit = [&out](std::string_view line) {
        out += line;
        out += '\n';
    };
    for (const auto& [body_line, rewrite] : rewrites) {
        // Copy up to and including the `body` keyword, then the new JSON, then skip the old.
        while (i < static_cast<std::size_t>(body_line) && i < scenario.lines.size()) {
            emit(scenario.lines[i++]);
        }
        emit(rewrite.text);
        i = static_cast<std::size_t>(rewrite.end_line);
    }
    while (i < scenario.lines.size()) {
        emit(scenario.lines[i++]);
    }
    if (!scenario.trailing_newline && !out.empty()) {
        out.pop_back();
    }
    return out;
}

FileResult RunFile(
    const std::string& path,
    const HostFactory& open_host,
    const RunOptions& options,
    std::ostream& out
) {
    auto scenario = LoadScenario(path);
    if (!scenario) {
        out << scenario.error().message << "\nFAIL " << path << "\n";
        return FileResult::kFailed;
    }
    std::map<int, BodyRewrite> rewrites;
    const FileResult result = RunScenario(*scenario, open_host, options, out, &rewrites);
    if (options.rewrite && !rewrites.empty()) {
        std::ofstream file(path, std::ios::binary | std::ios::trunc);
        file << ApplyRewrites(*scenario, rewrites);
        if (!file) {
            out << path << ": cannot write the rewritten file\n";
            return FileResult::kFailed;
        }
        out << path << ": rewrote " << rewrites.size() << " body block(s)\n";
    }
    return result;
}

std::string SummaryLine(const Summary& summary) {
    std::string line =
        std::to_string(summary.passed) + " passed, " + std::to_string(summary.failed) + " failed";
    if (summary.skipped > 0) {
        line += ", " + std::to_string(summary.skipped) + " skipped";
    }
    return line;
}

}  // namespace isms::apitest
