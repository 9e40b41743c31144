/** The version the API reports (GET /api/v1/instance and the OpenAPI document). */
export const VERSION = '0.1.0';
