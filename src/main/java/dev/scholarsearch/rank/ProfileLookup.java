package dev.scholarsearch.rank;

import java.util.Optional;

/** A researcher's profile by id, as the API asks for it. */
public interface ProfileLookup {
  Optional<ResearcherProfile> profile(String id);
}
