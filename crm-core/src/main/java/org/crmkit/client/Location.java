package org.crmkit.client;

import org.crmkit.common.ValidationException;
import java.util.Optional;

import org.crmkit.common.CleanText;

/** Where a client is and what it does: region, city, industry (the 1C "Расположение"). */
public record Location(Optional<String> region, Optional<String> city, Optional<String> industry) {
    public static final Location UNKNOWN = new Location(Optional.empty(), Optional.empty(), Optional.empty());

    public Location {
        ValidationException.required(region, "region");
        ValidationException.required(city, "city");
        ValidationException.required(industry, "industry");
        region = region.flatMap(v -> CleanText.optional("region", v, 100));
        city = city.flatMap(v -> CleanText.optional("city", v, 100));
        industry = industry.flatMap(v -> CleanText.optional("industry", v, 100));
    }

    public static Location of(String region, String city, String industry) {
        return new Location(Optional.ofNullable(region), Optional.ofNullable(city), Optional.ofNullable(industry));
    }
}
