// Turns uploaded files into libraries: detects each file's format (isms library JSON, CISO
// Assistant YAML, OSCAL JSON/XML catalog or profile, Fluid Attacks criteria, framework or
// mapping CSV/XLSX) and reads it with the matching importer.
#pragma once

#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "catalog/model.hpp"
#include "core/error.hpp"

namespace isms::catalog {

struct ImportFile {
    std::string name;     // file name as uploaded; its extension helps detection
    std::string content;  // raw bytes
};

struct ImportOptions {
    /// OSCAL: leave out items that look withdrawn without saying so (CSF 2.0's 1.1 leftovers).
    bool exclude_suspected_withdrawn = false;
};

/// Reads every file of one batch. An OSCAL profile resolves its catalog among the batch's
/// files (by file name) or among libraries already in `view` (by source file name); a Fluid
/// Attacks requirements file takes the batch's compliance file, when there is one, for the
/// title check. Problems of all files are reported together; nothing is returned then.
[[nodiscard]] Result<std::vector<Library>> ReadImportFiles(
    const std::vector<ImportFile>& files, const ImportOptions& options, const Catalog& view
);

}  // namespace isms::catalog
