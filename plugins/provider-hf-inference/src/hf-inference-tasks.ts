/** Every task hf-inference serves, by Hugging Face task id. */
import type { TaskHandlerV1, TaskId } from '@tollgate/provider-spec';
import { audioClassificationHandler } from './tasks/audio-classification-handler.js';
import { automaticSpeechRecognitionHandler } from './tasks/automatic-speech-recognition-handler.js';
import { conversationalHandler } from './tasks/conversational-handler.js';
import { featureExtractionHandler } from './tasks/feature-extraction-handler.js';
import { fillMaskHandler } from './tasks/fill-mask-handler.js';
import { imageClassificationHandler } from './tasks/image-classification-handler.js';
import { imageSegmentationHandler } from './tasks/image-segmentation-handler.js';
import { imageToTextHandler } from './tasks/image-to-text-handler.js';
import { objectDetectionHandler } from './tasks/object-detection-handler.js';
import { questionAnsweringHandler } from './tasks/question-answering-handler.js';
import { sentenceSimilarityHandler } from './tasks/sentence-similarity-handler.js';
import { summarizationHandler } from './tasks/summarization-handler.js';
import { tableQuestionAnsweringHandler } from './tasks/table-question-answering-handler.js';
import { textClassificationHandler } from './tasks/text-classification-handler.js';
import { textGenerationHandler } from './tasks/text-generation-handler.js';
import { textToImageHandler } from './tasks/text-to-image-handler.js';
import { tokenClassificationHandler } from './tasks/token-classification-handler.js';
import { translationHandler } from './tasks/translation-handler.js';
import { zeroShotClassificationHandler } from './tasks/zero-shot-classification-handler.js';
import { zeroShotImageClassificationHandler } from './tasks/zero-shot-image-classification-handler.js';

/** The manifest's `tasks`; each handler's input and output are the task's public shape in `@tollgate/provider-spec`. */
export const hfInferenceTasks: Readonly<Partial<Record<TaskId, TaskHandlerV1>>> = {
  conversational: conversationalHandler,
  'text-generation': textGenerationHandler,
  'feature-extraction': featureExtractionHandler,
  'sentence-similarity': sentenceSimilarityHandler,
  'text-classification': textClassificationHandler,
  'token-classification': tokenClassificationHandler,
  'zero-shot-classification': zeroShotClassificationHandler,
  'fill-mask': fillMaskHandler,
  summarization: summarizationHandler,
  translation: translationHandler,
  'question-answering': questionAnsweringHandler,
  'table-question-answering': tableQuestionAnsweringHandler,
  'image-classification': imageClassificationHandler,
  'object-detection': objectDetectionHandler,
  'image-segmentation': imageSegmentationHandler,
  'image-to-text': imageToTextHandler,
  'text-to-image': textToImageHandler,
  'automatic-speech-recognition': automaticSpeechRecognitionHandler,
  'audio-classification': audioClassificationHandler,
  'zero-shot-image-classification': zeroShotImageClassificationHandler,
};
