#include "catalog/import_files.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "catalog/builtin.hpp"
#include "catalog/ciso_assistant_import.hpp"
#include "catalog/fluid_attacks_import.hpp"
#include "catalog/native_format.hpp"
#include "catalog/oscal_import.hpp"
#include "catalog/tabular_import.hpp"
#include "catalog/text.hpp"
#include "catalog/xlsx_reader.hpp"
#include "core/json.hpp"

namespace isms::catalog {

namespace {

enum class Kind {
    kNative,
    kCisoAssistant,
    kOscal,
    kFluidRequirements,
    kFluidCompliance,
    kCsv,
    kXlsx,
    kUnknown,
};

std::string Extension(std::string_view name) {
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos) {
        return {};
    }
    return AsciiLowercase(name.substr(dot + 1));
}

std::string_view BaseName(std::string_view path) {
    const std::size_t slash = path.find_last_of("/\\");
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

char FirstSignificant(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c)) == 0) {
            return c;
        }
    }
    return '\0';
}

/// The first line that is not blank or a comment.
std::string_view FirstYamlLine(std::string_view text) {
    while (!text.empty()) {
        const std::size_t eol = text.find('\n');
        std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
        const std::size_t start = line.find_first_not_of(" \t\r");
        if (start != std::string_view::npos && line[start] != '#'
            && line.substr(start, 3) != "---") {
            return line;
        }
    }
    return {};
}

/// Recognizes a file by its name and first bytes; JSON needs a look at its top-level keys.
Kind Detect(const ImportFile& file) {
    const std::string ext = Extension(file.name);
    if (ext == "xlsx") {
        return Kind::kXlsx;
    }
    if (ext == "csv") {
        return Kind::kCsv;
    }
    const char first = FirstSignificant(file.content);
    if (ext == "xml" || first == '<') {
        return Kind::kOscal;
    }
    const bool yaml_name = ext == "yaml" || ext == "yml";
    if (ext == "json" || (first == '{' && !yaml_name)) {
        return file.content.find(std::string("\"") + std::string(kNativeFormatTag) + "\"")
                       != std::string::npos
                   ? Kind::kNative
                   : Kind::kOscal;
    }
    if (yaml_name) {
        const std::string_view line = FirstYamlLine(file.content);
        // Block style starts with "urn:" or has "objects:" at the top level; flow style (JSON
        // is YAML too) is a mapping with an "objects" member.
        const bool flow_library =
            first == '{' && file.content.find("\"objects\"") != std::string::npos;
        if (line.rfind("urn:", 0) == 0 || file.content.find("\nobjects:") != std::string::npos
            || flow_library) {
            return Kind::kCisoAssistant;
        }
        // Fluid Attacks criteria: requirements keyed by three digits ("'001':" or "\"001\":"),
        // the compliance file by standard ids whose entries hold "definitions".
        std::string_view key = line.substr(0, line.find(':'));
        while (!key.empty() && (key.front() == '\'' || key.front() == '"')) {
            key.remove_prefix(1);
        }
        while (!key.empty() && (key.back() == '\'' || key.back() == '"')) {
            key.remove_suffix(1);
        }
        if (key.size() == 3 && std::all_of(key.begin(), key.end(), [](char c) {
                return std::isdigit(static_cast<unsigned char>(c)) != 0;
            })) {
            return Kind::kFluidRequirements;
        }
        if (file.content.find("definitions:") != std::string::npos) {
            return Kind::kFluidCompliance;
        }
    }
    return Kind::kUnknown;
}

Result<Library> ReadOne(
    const ImportFile& file,
    Kind kind,
    const std::vector<ImportFile>& batch,
    const std::vector<Kind>& kinds,
    const ImportOptions& options,
    const Catalog& view
) {
    switch (kind) {
        case Kind::kNative: {
            ISMS_TRY_ASSIGN(
                Library lib, ReadNativeLibrary(std::string_view(file.content), file.name)
            );
            if (lib.source.empty()) {
                lib.source = file.name;
            }
            return lib;
        }
        case Kind::kCisoAssistant:
            return ImportCisoAssistant(file.content, file.name);
        case Kind::kOscal: {
            OscalOptions oscal;
            oscal.exclude_suspected_withdrawn = options.exclude_suspected_withdrawn;
            // A profile's catalog: a file of this batch with the href's name, else a catalog
            // imported earlier from a file of that name. Profiles of profiles are not chained.
            const OscalCatalogResolver no_further = [](std::string_view href) -> Result<Library> {
                return Error::NotFound(fmt::format("{} is not resolved further", href));
            };
            OscalCatalogResolver resolve = [&](std::string_view href) -> Result<Library> {
                const std::string_view wanted = BaseName(href);
                for (std::size_t i = 0; i < batch.size(); ++i) {
                    if (kinds[i] == Kind::kOscal && &batch[i] != &file
                        && BaseName(batch[i].name) == wanted) {
                        return ImportOscal(batch[i].content, batch[i].name, no_further, oscal);
                    }
                }
                for (const auto& library : view.libraries()) {
                    if (library->format == Format::kOscalCatalog
                        && BaseName(library->source) == wanted) {
                        return *library;
                    }
                }
                return Error::NotFound(fmt::format(
                    "the profile imports {}: add that catalog file to the same upload or import "
                    "it first",
                    href
                ));
            };
            return ImportOscal(file.content, file.name, resolve, oscal);
        }
        case Kind::kFluidRequirements: {
            std::string_view compliance;
            for (std::size_t i = 0; i < batch.size(); ++i) {
                if (kinds[i] == Kind::kFluidCompliance) {
                    compliance = batch[i].content;
                }
            }
            const FrameworkEntry* iso = view.FindFramework(kIso27001_2022);
            if (iso == nullptr) {
                return Error::Internal("the built-in ISO/IEC 27001:2022 catalog is missing");
            }
            return ImportFluidAttacks(file.content, compliance, file.name, *iso->framework);
        }
        case Kind::kCsv: {
            ISMS_TRY_ASSIGN(Table table, ParseCsv(file.content, file.name));
            return ImportTabular(table, file.name);
        }
        case Kind::kXlsx: {
            ISMS_TRY_ASSIGN(Table table, ReadXlsx(file.content, file.name));
            return ImportTabular(table, file.name);
        }
        case Kind::kFluidCompliance:
        case Kind::kUnknown:
            break;
    }
    return Error::Invalid(
        file.name,
        "format not recognised: expected isms library JSON, CISO Assistant YAML, OSCAL JSON/XML, "
        "Fluid Attacks criteria YAML, CSV or XLSX (docs/catalog.md)"
    );
}

}  // namespace

Result<std::vector<Library>> ReadImportFiles(
    const std::vector<ImportFile>& files, const ImportOptions& options, const Catalog& view
) {
    std::vector<Kind> kinds;
    kinds.reserve(files.size());
    bool has_requirements = false;
    for (const auto& file : files) {
        kinds.push_back(Detect(file));
        has_requirements = has_requirements || kinds.back() == Kind::kFluidRequirements;
    }
    std::vector<Library> libraries;
    std::vector<Error> errors;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (kinds[i] == Kind::kFluidCompliance) {
            if (!has_requirements) {
                errors.push_back(Error::Invalid(
                    files[i].name,
                    "Fluid Attacks compliance data is read together with its requirements file: "
                    "upload both"
                ));
            }
            continue;
        }
        auto library = ReadOne(files[i], kinds[i], files, kinds, options, view);
        if (!library) {
            errors.push_back(std::move(library).error());
            continue;
        }
        libraries.push_back(std::move(*library));
    }
    if (errors.size() == 1) {
        return errors.front();
    }
    if (!errors.empty()) {
        std::vector<FieldError> all;
        for (auto& e : errors) {
            if (e.fields.empty()) {
                all.push_back({"file", e.message});
            }
            for (auto& f : e.fields) {
                all.push_back(std::move(f));
            }
        }
        Error e = Error::Invalid(std::move(all));
        e.message =
            fmt::format("{} files have problems, nothing imported: {}", errors.size(), e.message);
        return e;
    }
    return libraries;
}

}  // namespace isms::catalog
