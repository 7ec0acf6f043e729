package dev.scholarsearch.http;

import dev.scholarsearch.rank.ExpertRanker;
import dev.scholarsearch.rank.ResearcherProfiles;
import dev.scholarsearch.search.IndexOverview;
import dev.scholarsearch.search.PaperSearcher;
import dev.scholarsearch.search.Suggester;
import dev.scholarsearch.similar.SimilarPapers;
import java.util.function.Supplier;

/** The Javalin-free services the API exposes. */
public record Services(
    PaperSearcher papers,
    SimilarPapers similar,
    ExpertRanker experts,
    ResearcherProfiles researchers,
    Suggester suggester,
    Supplier<IndexOverview> overview) {}
