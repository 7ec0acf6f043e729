package dev.scholarsearch.http;

import dev.scholarsearch.rank.ExpertModel;
import dev.scholarsearch.rank.ExpertRanker;
import dev.scholarsearch.rank.ResearcherProfiles;
import dev.scholarsearch.search.IndexOverview;
import dev.scholarsearch.search.LiveIndex;
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
    Supplier<IndexOverview> overview) {

  /** The services over one live index, with the tuned default models. */
  public static Services over(LiveIndex index, Suggester suggester) {
    PaperSearcher papers = new PaperSearcher(index);
    return new Services(papers, new SimilarPapers(index, papers), new ExpertRanker(index, papers, ExpertModel.DEFAULT),
        new ResearcherProfiles(index), suggester, () -> IndexOverview.counts(index));
  }
}
