#pragma once

namespace hwi::hatchet {

// How healthy something looks (see health.h for the rules that decide it); the colour hint of SeverityRole.
enum class HealthLevel { Good, Warning, Bad, Unknown };

} // namespace hwi::hatchet
