/**
 * The records the Training API sends, typed from the official SDK's published model
 * definitions: never hand-guessed, and never shared with the emulator, so a misreading
 * of the service cannot hide in both (docs/architecture.md, "The emulator and the client").
 *
 * The SDK deserialises dates into `Date` and narrows enums to closed unions; we keep what
 * the service actually sent (the export bundle stores records losslessly), so `Wire<T>`:
 * - turns every `Date` into the raw string (two formats occur: see parseApiDate);
 * - widens string-literal unions with "any other string" (the spec marks enums
 *   modelAsString, so new values can arrive and must not break a scan);
 * - allows `null` everywhere (the service emits nulls for fields the SDK marks required,
 *   e.g. Tag.description, Iteration.publishName).
 * These are type-only imports: erased at build, the SDK stays a dev dependency.
 */
import type * as Sdk from '@azure/cognitiveservices-customvision-training/esm/models';

/** "Some string the SDK did not list": keeps editor completion for the known values. */
export type OtherString = string & Record<never, never>;

type WireValue<V> = V extends Date
  ? string
  : V extends string
    ? string extends V
      ? string
      : V | OtherString
    : V extends readonly (infer U)[]
      ? WireValue<U>[]
      : V extends object
        ? Wire<V>
        : V;

/** A SDK model as it travels on the wire (raw date strings, open enums, nullable fields). */
export type Wire<T> = { readonly [K in keyof T]: WireValue<Exclude<T[K], undefined>> | null };

export type Domain = Wire<Sdk.Domain>;
export type Project = Wire<Sdk.Project>;
export type ProjectSettings = Wire<Sdk.ProjectSettings>;
export type ProjectExport = Wire<Sdk.ProjectExport>;
export type Iteration = Wire<Sdk.Iteration>;
export type IterationPerformance = Wire<Sdk.IterationPerformance>;
export type TagPerformance = Wire<Sdk.TagPerformance>;
export type Tag = Wire<Sdk.Tag>;
export type Image = Wire<Sdk.Image>;
export type ImageTag = Wire<Sdk.ImageTag>;
export type ImageRegion = Wire<Sdk.ImageRegion>;
export type ImagePerformance = Wire<Sdk.ImagePerformance>;
export type Prediction = Wire<Sdk.Prediction>;
export type BoundingBox = Wire<Sdk.BoundingBox>;
/** The SDK calls the Export record `ExportModel`. */
export type ExportModel = Wire<Sdk.ExportModel>;
export type StoredImagePrediction = Wire<Sdk.StoredImagePrediction>;
export type PredictionQueryToken = Wire<Sdk.PredictionQueryToken>;
export type PredictionQueryTag = Wire<Sdk.PredictionQueryTag>;
export type PredictionQueryResult = Wire<Sdk.PredictionQueryResult>;
/** The flat service error body (`{ code, message }`); gateway errors wrap it in `error`. */
export type CustomVisionErrorBody = Wire<Sdk.CustomVisionError>;

export type TaggingStatus = Sdk.TaggingStatus;
/** Image listing order; the service's default is Newest, ours is Oldest (see paging). */
export type ImageOrderBy = Sdk.OrderBy1;
