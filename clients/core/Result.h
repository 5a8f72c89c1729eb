#pragma once

#include "ApiError.h"

#include <utility>
#include <variant>

namespace hlc {

/// A value or an ApiError. Parsers and clients return this instead of throwing.
template<typename T> class Result
{
public:
    Result(T value)
        : m_v(std::move(value))
    {} // NOLINT(google-explicit-constructor)
    Result(ApiError error)
        : m_v(std::move(error))
    {} // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const T& value() const& { return std::get<T>(m_v); }
    [[nodiscard]] T& value() & { return std::get<T>(m_v); }
    [[nodiscard]] T&& value() && { return std::get<T>(std::move(m_v)); }
    [[nodiscard]] const ApiError& error() const { return std::get<ApiError>(m_v); }

private:
    std::variant<T, ApiError> m_v;
};

} // namespace hlc
