# Warnings for project code: strict, and errors, so that an unmapped enumerator
# (-Wswitch) or a narrowing conversion fails the build.
set(ISMS_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wswitch -Werror)
