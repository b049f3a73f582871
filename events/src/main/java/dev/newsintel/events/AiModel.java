package dev.newsintel.events;

import java.util.List;

/**
 * Facts about an AI model as reported.
 *
 * @param parameters       total parameter count (128e9 for "128B")
 * @param activeParameters parameters active per token for mixture-of-experts models
 * @param contextTokens    context window in tokens
 * @param openWeights      true when the weights are published, null when the text does not say
 */
public record AiModel(String name, Long parameters, Long activeParameters, Long contextTokens, Boolean openWeights,
                      List<String> modalities) {
    public AiModel {
        Validation.requireText(name, "AiModel.name");
        modalities = Validation.listOrEmpty(modalities);
    }
}
